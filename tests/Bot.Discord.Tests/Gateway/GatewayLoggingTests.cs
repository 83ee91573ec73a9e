using System.Text.Json.Nodes;
using Bot.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayLoggingTests
{
    [Fact]
    public async Task No_log_line_carries_the_bot_token_or_an_interaction_token()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var interactionTokens = new List<string>();
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.SendReconnectAsync();
        await harness.Gateway.WaitForAsync(g => g.ResumeCount == 1 && g.Connections[^1].Sent.Any(f => f.T == "RESUMED"), "a resume");
        harness.Gateway.Abort();
        await harness.Gateway.WaitForAsync(g => g.ResumeCount == 2 && g.Connections[^1].Sent.Any(f => f.T == "RESUMED"), "a second resume");
        await harness.Gateway.SendInvalidSessionAsync(resumable: false);
        await harness.Gateway.WaitForAsync(g => g.IdentifyCount == 2, "a new session");
        var json = harness.NewInteractionJson(out _);
        interactionTokens.Add((string)JsonNode.Parse(json)!["token"]!);
        await harness.RoundTripInteractionAsync();
        await harness.Gateway.DispatchInteractionAsync(json);
        await harness.ReadInteractionAsync();
        await harness.Host.StopAsync();

        var logs = harness.Logs.AllText;
        Assert.Contains(harness.Logs.From<GatewayClient>(), entry => entry.Level == LogLevel.Information && entry.Message.Contains("ready", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.From<GatewayClient>(), entry => entry.Message.Contains("resumed", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Server.Token, logs);
        Assert.DoesNotContain(harness.Server.Token.Split('.')[^1], logs);
        Assert.All(interactionTokens, token => Assert.DoesNotContain(token, logs));
    }
}
