using Bot.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// Close codes no reconnect can cure stop the host, once, with one line that says what to fix. These tests set
/// the process-wide <see cref="Environment.ExitCode"/>, so they live in one class (xunit runs a class's tests
/// one at a time) and put it back.
/// </summary>
public sealed class GatewayFatalCloseTests : IDisposable
{
    // Made up and deliberately not shaped like a real token.
    private const string WrongToken = "wrong-test-token-not-the-one-of-this-bot";

    public void Dispose() => Environment.ExitCode = 0;

    [Fact]
    public async Task Close_4004_for_a_wrong_token_stops_the_host_and_never_reconnects()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: server => new Dictionary<string, string?>
        {
            ["Discord:Token"] = WrongToken,
            ["Discord:GatewayUrl"] = server.Gateway.Url,
        });

        await harness.WaitForClientToEndAsync();

        Assert.Equal(4004, Assert.Single(harness.Gateway.Connections).ServerCloseCode);
        var line = AssertStoppedWithOneLine(harness);
        Assert.Contains("close 4004", line);
        Assert.Contains("Discord__Token", line);
        Assert.DoesNotContain(WrongToken, harness.Logs.AllText);
    }

    [Fact]
    public async Task Close_4014_for_a_privileged_intent_stops_the_host_and_never_reconnects()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: _ => new Dictionary<string, string?>
        {
            ["Discord:Intents"] = "GuildMembers",
        });
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.CloseAsync(4014, "Disallowed intent(s).");
        await harness.WaitForClientToEndAsync();

        Assert.Single(harness.Gateway.Connections);
        Assert.Equal(2, (int?)harness.Gateway.Connections[0].ReceivedOp(2)[0].D!["intents"]);
        var line = AssertStoppedWithOneLine(harness);
        Assert.Contains("close 4014", line);
        Assert.Contains("Discord__Intents", line);
        Assert.Contains("developer portal", line);
    }

    [Fact]
    public async Task A_token_refused_by_get_gateway_bot_stops_the_host_before_connecting()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: _ => new Dictionary<string, string?>
        {
            ["Discord:Token"] = WrongToken,
        });

        await harness.WaitForClientToEndAsync();

        Assert.Empty(harness.Gateway.Connections);
        Assert.Single(harness.Server.RequestsTo("get_bot_gateway"));
        var line = AssertStoppedWithOneLine(harness);
        Assert.Contains("401", line);
        Assert.Contains("Discord__Token", line);
        Assert.DoesNotContain(WrongToken, harness.Logs.AllText);
    }

    /// <summary>The host was told to stop, the exit code says failure, and the gateway said so in exactly one line.</summary>
    private static string AssertStoppedWithOneLine(GatewayHarness harness)
    {
        Assert.True(harness.Lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(GatewayClient.FatalExitCode, Environment.ExitCode);
        Assert.NotEqual(0, Environment.ExitCode);
        var severe = harness.Logs.From<GatewayClient>().Where(entry => entry.Level >= LogLevel.Warning).ToArray();
        var line = Assert.Single(severe);
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.DoesNotContain(harness.Server.Token, harness.Logs.AllText);
        return line.Message;
    }
}
