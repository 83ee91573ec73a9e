using System.Net;
using Bot.Discord.Models.Interactions;
using Bot.Testing;

namespace Bot.Discord.Http.Tests;

/// <summary>Kestrel is bounded: a flood of connections is turned away at the door instead of waiting inside.</summary>
public sealed class KestrelLimitsTests
{
    [Fact]
    public async Task Past_the_connection_limit_a_new_connection_is_closed_and_the_open_ones_are_answered()
    {
        var gate = new WorkGate();
        await using var host = await EndpointHarness.StartAsync(settings =>
        {
            settings.Config["Discord:HttpMaxConnections"] = "2";
            settings.Dispatch = async (incoming, responder, cancellationToken) =>
            {
                await gate.PassAsync(incoming.Interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                await responder.RespondAsync(incoming.Interaction, InteractionResponse.ChannelMessage(new InteractionCallbackData { Content = "answered" }), returnMessage: false, cancellationToken);
            };
        });

        // Two requests in flight hold both connections (HTTP/1.1: one request at a time on each).
        var held = new[] { Send(host, 1), Send(host, 2) };
        await gate.WaitForEnteredAsync(2);

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(host, 3));
        gate.Open();
        foreach (var answer in await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
        }
    }

    [Fact]
    public void The_connection_limit_is_a_validated_setting()
    {
        var problems = new DiscordOptionsValidator().Validate(null, new DiscordOptions { HttpMaxConnections = 0 });

        Assert.Contains("Discord:HttpMaxConnections is 0", Assert.Single(problems.Failures!), StringComparison.Ordinal);
        Assert.Equal(1000, new DiscordOptions().HttpMaxConnections);
    }

    /// <summary>A signed command on a connection of its own.</summary>
    private static async Task<Answer> Send(EndpointHarness host, int n)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var body = $$$"""{"id":"14596000000000000{{{n}}}","application_id":"1459517128704131073","type":2,"token":"token-{{{n}}}","version":1,"data":{"id":"1","name":"ask","type":1}}""";
        using var request = host.Signed(body);
        using var response = await http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }
}
