using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.Local;
using Bot.Discord.Models.Gateway;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

/// <summary>
/// Every fixture is read into its model and written back, and the result must be the same JSON
/// (see <see cref="JsonEquivalence"/>). A fixture without a model mapped here fails, so a new
/// sample cannot be skipped by accident.
/// </summary>
public sealed class FixtureRoundTripTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    /// <summary>Fixture name → read into the model and write back.</summary>
    private static readonly Dictionary<string, Func<string, string>> RoundTrips = new(StringComparer.Ordinal)
    {
        ["application_command_blep.json"] = Via(Json.ApplicationCommand),
        ["application_command_default_permissions.json"] = Via(Json.ApplicationCommand),
        ["application_command_localized.json"] = Via(Json.ApplicationCommand),
        ["application_command_object.json"] = Via(Json.ApplicationCommand),
        ["application_commands_bulk_overwrite_request.json"] = Via(Json.IReadOnlyListApplicationCommand),
        ["channel_pins_response.json"] = Via(Json.ChannelPinsResponse),
        ["edit_original_response_request.json"] = Via(Json.EditWebhookMessageRequest),
        ["error_50035_array.json"] = Via(Json.DiscordError),
        ["error_50035_object.json"] = Via(Json.DiscordError),
        ["error_50035_request.json"] = Via(Json.DiscordError),
        ["followup_message_request.json"] = Via(Json.CreateFollowupMessageRequest),
        ["gateway_bot_response.json"] = Via(Json.GatewayBotResponse),
        ["gateway_heartbeat.json"] = GatewayFrame,
        ["gateway_heartbeat_ack.json"] = GatewayFrame,
        ["gateway_hello.json"] = GatewayFrame,
        ["gateway_identify.json"] = GatewayFrame,
        ["gateway_identify_full.json"] = GatewayFrame,
        ["gateway_interaction_create.json"] = GatewayFrame,
        ["gateway_invalid_session.json"] = GatewayFrame,
        ["gateway_ready.json"] = GatewayFrame,
        ["gateway_reconnect.json"] = GatewayFrame,
        ["gateway_resume.json"] = GatewayFrame,
        ["interaction_autocomplete.docs.json"] = InteractionTypeAndDataOnly,
        ["interaction_autocomplete_full.json"] = Via(Json.Interaction),
        ["interaction_button_click.docs.json"] = Via(Json.Interaction),
        ["interaction_callback_with_response.json"] = Via(Json.InteractionCallbackResponse),
        ["interaction_ping.json"] = Via(Json.Interaction),
        ["interaction_slash_command.docs.json"] = Via(Json.Interaction),
        ["interaction_slash_command_full.json"] = Via(Json.Interaction),
        ["interaction_string_select.docs.json"] = Via(Json.Interaction),
        ["interaction_user_command.docs.json"] = Via(Json.Interaction),
        ["message_allowed_mentions_suppress.json"] = Via(Json.CreateMessageRequest),
        ["message_create_basic.json"] = Via(Json.CreateMessageRequest),
        ["message_create_buttons_request.json"] = Via(Json.CreateMessageRequest),
        ["message_legacy_components.json"] = Via(Json.CreateMessageRequest),
        ["message_v2_action_row_buttons.json"] = Via(Json.CreateMessageRequest),
        ["message_v2_string_select.json"] = Via(Json.CreateMessageRequest),
        ["rate_limit_429_global.json"] = Via(Json.RateLimitResponse),
        ["rate_limit_429_shared.json"] = Via(Json.RateLimitResponse),
        ["rate_limit_429_user.json"] = Via(Json.RateLimitResponse),
        ["response_autocomplete_result.json"] = Via(Json.InteractionResponse),
        ["response_channel_message.json"] = Via(Json.InteractionResponse),
        ["response_deferred_ephemeral.json"] = Via(Json.InteractionResponse),
        ["response_deferred_update_message.json"] = Via(Json.InteractionResponse),
        ["response_ephemeral_message.json"] = Via(Json.InteractionResponse),
        ["response_modal_string_select.json"] = Via(Json.InteractionResponse),
        ["response_pong.json"] = Via(Json.InteractionResponse),
        ["response_update_message.json"] = Via(Json.InteractionResponse),
        ["scheduled_event_create_external_request.json"] = Via(Json.CreateGuildScheduledEventRequest),
        ["scheduled_event_create_voice_request.json"] = Via(Json.CreateGuildScheduledEventRequest),
        ["scheduled_event_object.json"] = Via(Json.GuildScheduledEvent),
    };

    /// <summary>Fixtures that are not Discord payloads, with the reason.</summary>
    private static readonly Dictionary<string, string> NotPayloads = new(StringComparer.Ordinal)
    {
        ["http_signature_test_vectors.json"] =
            "Ed25519 test vectors for the HTTP endpoint's signature check (made for this project, not a Discord payload); " +
            "its bodies are raw strings that must never be re-serialized.",
    };

    private const string IsPendingReason =
        "is_pending: an undocumented legacy twin of `pending` (in neither the docs' member table nor openapi.json) " +
        "that older docs examples carry; the model keeps only `pending`.";

    /// <summary>Members of a fixture the models deliberately do not carry; they are removed from the expected JSON.</summary>
    private static readonly (string Fixture, string Path, string Reason)[] NotCarried =
    [
        ("interaction_button_click.docs.json", "$.member.is_pending", IsPendingReason),
        ("interaction_slash_command.docs.json", "$.member.is_pending", IsPendingReason),
        ("interaction_string_select.docs.json", "$.member.is_pending", IsPendingReason),
        ("interaction_user_command.docs.json", "$.member.is_pending", IsPendingReason),
        ("interaction_user_command.docs.json", "$.data.resolved.members.*.is_pending", IsPendingReason),
    ];

    public static TheoryData<string> Payloads() => new(FixtureFiles.Names.Where(name => !NotPayloads.ContainsKey(name)));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Fixture_survives_a_round_trip_through_its_model(string fixture)
    {
        Assert.True(RoundTrips.TryGetValue(fixture, out var roundTrip), $"No model is mapped to the fixture {fixture}.");
        var json = FixtureFiles.Read(fixture);

        var written = roundTrip(json);

        var ignored = NotCarried.Where(entry => entry.Fixture == fixture).Select(entry => entry.Path);
        JsonEquivalence.AssertEquivalent(json, written, ignored);
    }

    [Fact]
    public void Every_fixture_is_mapped_or_explained()
    {
        Assert.NotEmpty(FixtureFiles.Names);
        Assert.All(FixtureFiles.Names, name => Assert.True(
            RoundTrips.ContainsKey(name) ^ NotPayloads.ContainsKey(name),
            $"{name} must be in exactly one of RoundTrips and NotPayloads."));
        Assert.All(RoundTrips.Keys.Concat(NotPayloads.Keys), name => Assert.Contains(name, FixtureFiles.Names));
        Assert.All(NotCarried, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Reason)));
    }

    private static Func<string, string> Via<T>(JsonTypeInfo<T> typeInfo) =>
        json => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);

    /// <summary>Reads the envelope, reads <c>d</c> into the model its op/event calls for, and writes both back.</summary>
    private static string GatewayFrame(string json)
    {
        var frame = JsonSerializer.Deserialize(json, Json.GatewayPayload)!;
        var data = frame.Op switch
        {
            GatewayOpcode.Hello => Reserialize(frame.D, Json.HelloData),
            GatewayOpcode.Identify => Reserialize(frame.D, Json.IdentifyData),
            GatewayOpcode.Resume => Reserialize(frame.D, Json.ResumeData),
            GatewayOpcode.Heartbeat => Reserialize(frame.D, Json.NullableInt32),
            GatewayOpcode.InvalidSession => Reserialize(frame.D, Json.Boolean),
            GatewayOpcode.Reconnect or GatewayOpcode.HeartbeatAck => frame.D,
            GatewayOpcode.Dispatch => frame.T.Value switch
            {
                GatewayEvents.Ready => Reserialize(frame.D, Json.ReadyData),
                GatewayEvents.InteractionCreate => Reserialize(frame.D, Json.Interaction),
                var name => throw new InvalidOperationException($"No model for dispatch {name}."),
            },
            var op => throw new InvalidOperationException($"No model for op {op}."),
        };

        return JsonSerializer.Serialize(frame with { D = data }, Json.GatewayPayload);
    }

    private static JsonElement Reserialize<T>(JsonElement element, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToElement(element.Deserialize(typeInfo)!, typeInfo);

    /// <summary>The docs show only <c>type</c> and <c>data</c> of this interaction, so only those two go through the models.</summary>
    private static string InteractionTypeAndDataOnly(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(["type", "data"], node.Select(property => property.Key));
        var type = node["type"].Deserialize(Json.InteractionType);
        var data = node["data"].Deserialize(Json.InteractionData)!;
        return new JsonObject
        {
            ["type"] = JsonSerializer.SerializeToNode(type, Json.InteractionType),
            ["data"] = JsonSerializer.SerializeToNode(data, Json.InteractionData),
        }.ToJsonString();
    }
}
