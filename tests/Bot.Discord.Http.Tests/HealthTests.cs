using System.Net;

namespace Bot.Discord.Http.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_503_until_the_bot_is_ready_then_200_ready()
    {
        await using var host = await EndpointHarness.StartAsync(settings => settings.Ready = false);

        using (var before = await host.Http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Equal("not ready", await before.Content.ReadAsStringAsync());
            Assert.True(before.Headers.CacheControl?.NoStore);
        }

        host.Readiness.IsReady = true;

        using var after = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("ready", await after.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_path_and_interactions_path_follow_the_settings()
    {
        await using var host = await EndpointHarness.StartAsync(settings =>
        {
            settings.Config["Discord:HttpPath"] = "/discord/interactions";
            settings.Config["Discord:HealthPath"] = "/ready";
        });

        using (var health = await host.Http.GetAsync("/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var oldHealth = await host.Http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.NotFound, oldHealth.StatusCode);
        }

        var pong = await host.SendAsync(host.Signed(Bot.Discord.Local.FixtureFiles.Read("interaction_ping.json"), path: "/discord/interactions"));
        Assert.Equal(HttpStatusCode.OK, pong.Status);
    }
}
