using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.Gateway;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Start-up: the gateway URL from GET /gateway/bot, IDENTIFY as documented, READY, and interactions reaching the queue.</summary>
public sealed class GatewayIdentifyTests
{
    [Fact]
    public async Task Start_identifies_with_no_intents_and_an_interaction_reaches_the_queue()
    {
        await using var harness = await GatewayHarness.StartAsync();

        var before = harness.Time.GetTimestamp();
        var incoming = await harness.RoundTripInteractionAsync();

        var connection = Assert.Single(harness.Gateway.Connections);
        Assert.Equal(LocalGateway.Path, connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Equal(GatewayHarness.UserAgent, connection.UserAgent);
        Assert.Single(harness.Server.RequestsTo("get_bot_gateway"));

        var identify = Assert.Single(connection.ReceivedOp(2)).D!;
        Assert.Equal(harness.Server.Token, (string?)identify["token"]);
        Assert.Equal(0, (int?)identify["intents"]);
        Assert.Equal("Bot.Discord", (string?)identify["properties"]!["browser"]);
        Assert.Equal("Bot.Discord", (string?)identify["properties"]!["device"]);
        Assert.False(string.IsNullOrEmpty((string?)identify["properties"]!["os"]));
        var documented = JsonNode.Parse(FixtureFiles.Read("gateway_identify.json"))!["d"]!.AsObject().Select(p => p.Key).Order();
        Assert.Equal(documented, identify.AsObject().Select(p => p.Key).Order());
        Assert.Empty(harness.Gateway.ProtocolErrors);

        Assert.Equal("event", incoming.Interaction.Data!.Name);
        Assert.InRange(incoming.ArrivedAt, before, harness.Time.GetTimestamp());
        Assert.Equal(0, harness.Gateway.ResumeCount);
    }

    [Fact]
    public async Task A_configured_shard_is_sent_in_identify()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: _ => new Dictionary<string, string?>
        {
            ["Discord:ShardId"] = "1",
            ["Discord:ShardCount"] = "2",
        });

        await harness.RoundTripInteractionAsync();

        var identify = Assert.Single(harness.Gateway.Connections[0].ReceivedOp(2)).D!;
        Assert.Equal([1, 2], identify["shard"]!.AsArray().Select(n => (int)n!));
        Assert.Empty(harness.Gateway.ProtocolErrors);
    }

    [Fact]
    public async Task A_configured_gateway_url_is_used_without_asking_discord()
    {
        await using var harness = await GatewayHarness.StartAsync(start: false);
        await using var configured = await GatewayHarness.StartAsync(settings: _ => new Dictionary<string, string?>
        {
            ["Discord:GatewayUrl"] = harness.Gateway.Url,
            ["Discord:Token"] = harness.Server.Token,
        });

        await harness.Gateway.WaitForAsync(g => g.IdentifyCount == 1, "IDENTIFY on the configured gateway");

        Assert.Empty(configured.Server.RequestsTo("get_bot_gateway"));
        Assert.Empty(configured.Gateway.Connections);
        Assert.Equal("?v=10&encoding=json", harness.Gateway.Connections[0].Query);
    }

    [Fact]
    public async Task Messages_split_over_many_websocket_frames_are_put_back_together()
    {
        await using var harness = await GatewayHarness.StartAsync(start: false);
        harness.Gateway.FragmentFramesAt = 100;
        await harness.StartHostAsync();
        await harness.RoundTripInteractionAsync();

        var longTitle = new string('x', 40_000);
        await harness.Gateway.DispatchInteractionAsync(harness.NewInteractionJson(out var id, longTitle));
        var incoming = await harness.ReadInteractionAsync();

        Assert.Equal(id, incoming.Interaction.Id);
        Assert.True(incoming.Interaction.Data!.Options![0].Options![0].Value!.Value.TryGetString(out var title));
        Assert.Equal(longTitle, title);
        Assert.Single(harness.Gateway.Connections);
    }
}
