using System.Text.Json;
using Bot.Discord.Local;
using Bot.Discord.Models.Gateway;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class GatewayPayloadTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Explicit_null_sequence_and_event_name_of_a_non_dispatch_frame_are_written_back()
    {
        // Discord's real frames carry "s": null and "t": null outside dispatches.
        const string hello = "{\"t\":null,\"s\":null,\"op\":10,\"d\":{\"heartbeat_interval\":41250}}";

        var frame = JsonSerializer.Deserialize(hello, Json.GatewayPayload)!;

        Assert.Equal(GatewayOpcode.Hello, frame.Op);
        Assert.True(frame.S.HasValue);
        Assert.Null(frame.S.Value);
        Assert.Equal(41250, frame.GetData(Json.HelloData)!.HeartbeatInterval);
        JsonEquivalence.AssertEquivalent(hello, JsonSerializer.Serialize(frame, Json.GatewayPayload));
    }

    [Fact]
    public void Dispatch_keeps_its_sequence_and_event_name()
    {
        var frame = JsonSerializer.Deserialize(FixtureFiles.Read("gateway_interaction_create.json"), Json.GatewayPayload)!;

        Assert.Equal(GatewayOpcode.Dispatch, frame.Op);
        Assert.Equal(7, frame.S.Value);
        Assert.Equal(GatewayEvents.InteractionCreate, frame.T.Value);
        Assert.Equal("event", frame.GetData(Json.Interaction)!.Data!.Name);
    }

    [Fact]
    public void Missing_data_stays_missing_and_null_data_stays_null()
    {
        var ack = JsonSerializer.Deserialize("{\"op\":11}", Json.GatewayPayload)!;
        var reconnect = JsonSerializer.Deserialize("{\"op\":7,\"d\":null}", Json.GatewayPayload)!;

        Assert.Equal(JsonValueKind.Undefined, ack.D.ValueKind);
        Assert.Equal(JsonValueKind.Null, reconnect.D.ValueKind);
        Assert.Null(ack.GetData(Json.HelloData));
        Assert.Null(reconnect.GetData(Json.HelloData));
        Assert.Equal("{\"op\":11}", JsonSerializer.Serialize(ack, Json.GatewayPayload));
        Assert.Equal("{\"op\":7,\"d\":null}", JsonSerializer.Serialize(reconnect, Json.GatewayPayload));
    }

    [Fact]
    public void Heartbeat_before_any_dispatch_sends_null()
    {
        Assert.Equal("{\"op\":1,\"d\":null}", JsonSerializer.Serialize(OutboundGatewayPayload.Heartbeat(null), Json.OutboundGatewayPayloadNullableInt32));
        JsonEquivalence.AssertEquivalent(
            FixtureFiles.Read("gateway_heartbeat.json"),
            JsonSerializer.Serialize(OutboundGatewayPayload.Heartbeat(251), Json.OutboundGatewayPayloadNullableInt32));
    }

    [Fact]
    public void Identify_is_written_as_the_docs_show_it()
    {
        var identify = OutboundGatewayPayload.Identify(new IdentifyData
        {
            Token = "my_token",
            Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages,
            Properties = new IdentifyConnectionProperties { Os = "linux", Browser = "my_library", Device = "my_library" },
        });

        JsonEquivalence.AssertEquivalent(
            FixtureFiles.Read("gateway_identify.json"),
            JsonSerializer.Serialize(identify, Json.OutboundGatewayPayloadIdentifyData));
    }

    [Fact]
    public void Identify_with_shard_and_presence_round_trips_through_the_outbound_frame()
    {
        var fixture = FixtureFiles.Read("gateway_identify_full.json");
        var data = JsonSerializer.Deserialize(fixture, Json.GatewayPayload)!.GetData(Json.IdentifyData)!;

        Assert.Equal(new Shard(0, 1), data.Shard);
        Assert.Equal(91879201, data.Presence!.Since);
        Assert.Equal(ActivityType.Playing, data.Presence.Activities.Single().Type);
        JsonEquivalence.AssertEquivalent(
            fixture,
            JsonSerializer.Serialize(OutboundGatewayPayload.Identify(data), Json.OutboundGatewayPayloadIdentifyData));
    }

    [Fact]
    public void Resume_is_written_as_the_docs_show_it()
    {
        var resume = OutboundGatewayPayload.Resume(new ResumeData { Token = "my_token", SessionId = "session_id_i_stored", Seq = 1337 });

        JsonEquivalence.AssertEquivalent(
            FixtureFiles.Read("gateway_resume.json"),
            JsonSerializer.Serialize(resume, Json.OutboundGatewayPayloadResumeData));
    }

    [Fact]
    public void Presence_since_is_written_even_when_null()
    {
        var presence = new PresenceUpdate { Activities = [new Activity { Name = "Beyond Utopia", Type = ActivityType.Watching }] };

        Assert.Equal(
            "{\"op\":3,\"d\":{\"since\":null,\"activities\":[{\"name\":\"Beyond Utopia\",\"type\":3}],\"status\":\"online\",\"afk\":false}}",
            JsonSerializer.Serialize(OutboundGatewayPayload.PresenceUpdate(presence), Json.OutboundGatewayPayloadPresenceUpdate));
    }

    [Fact]
    public void Ready_gives_what_resuming_needs()
    {
        var ready = JsonSerializer.Deserialize(FixtureFiles.Read("gateway_ready.json"), Json.GatewayPayload)!.GetData(Json.ReadyData)!;

        Assert.Equal("4f1a9c0e2b7d4c6a8e3f5b1d9c7a2e60", ready.SessionId);
        Assert.Equal("wss://gateway-us-east1-b.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal(1459517128704131073UL, ready.Application.Id);
        Assert.True(ready.Guilds.Single().Unavailable);
    }

    [Theory]
    [InlineData("[0]")]
    [InlineData("[0,1,2]")]
    [InlineData("{\"id\":0}")]
    public void A_shard_that_is_not_a_pair_is_a_json_error(string shard)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(shard, Json.Shard));
    }

    [Fact]
    public void Tokens_stay_out_of_the_string_form_of_identify_and_resume()
    {
        var identify = new IdentifyData { Token = "secret-bot-token", Properties = new IdentifyConnectionProperties() };
        var resume = new ResumeData { Token = "secret-bot-token", SessionId = "s" };

        Assert.DoesNotContain("secret-bot-token", identify.ToString());
        Assert.DoesNotContain("secret-bot-token", resume.ToString());
    }
}
