using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local;

/// <summary>
/// The REST routes the local Discord implements, each answering as Discord does: realistic JSON built
/// from the shared fixtures, and Discord's error codes where its rules are easy to follow (an answered
/// interaction answered again, an interaction older than 3 s, an empty message, a missing field…).
/// </summary>
internal sealed partial class LocalDiscordRoutes
{
    /// <summary>The bot user of the fixtures; its id is also the application id.</summary>
    public const ulong ApplicationId = 1459517128704131073;

    /// <summary>Channel of interaction responses (the fake does not deliver interactions, so it picks one).</summary>
    public const ulong InteractionChannelId = 1213418270883971075;

    private readonly FakeDiscordState _state;

    public LocalDiscordRoutes(FakeDiscordState state)
    {
        _state = state;
        All =
        [
            new("get_bot_gateway", "GET", GatewayBotPath(), GetGatewayBot),
            new("list_application_commands", "GET", GlobalCommandsPath(), ListCommands),
            new("bulk_set_application_commands", "PUT", GlobalCommandsPath(), BulkSetCommands),
            new("list_guild_application_commands", "GET", GuildCommandsPath(), ListCommands) { MajorGroups = ["guild_id"] },
            new("bulk_set_guild_application_commands", "PUT", GuildCommandsPath(), BulkSetCommands) { MajorGroups = ["guild_id"] },
            new("create_interaction_response", "POST", CallbackPath(), CreateInteractionResponse)
            {
                BotAuth = false,
                MajorGroups = ["interaction_id", "interaction_token"],
            },
            new("update_original_webhook_message", "PATCH", OriginalPath(), EditOriginal)
            {
                BotAuth = false,
                MajorGroups = ["webhook_id", "webhook_token"],
            },
            GetOriginalRoute(),
            new("delete_original_webhook_message", "DELETE", OriginalPath(), DeleteOriginal)
            {
                BotAuth = false,
                MajorGroups = ["webhook_id", "webhook_token"],
            },
            new("execute_webhook", "POST", WebhookPath(), ExecuteWebhook)
            {
                BotAuth = false,
                MajorGroups = ["webhook_id", "webhook_token"],
            },
            new("create_pin", "PUT", PinPath(), CreatePin) { MajorGroups = ["channel_id"] },
            new("deprecated_create_pin", "PUT", OldPinPath(), CreatePin) { MajorGroups = ["channel_id"] },
            new("create_guild_scheduled_event", "POST", ScheduledEventsPath(), CreateScheduledEvent) { MajorGroups = ["guild_id"] },
            new("create_message", "POST", MessagesPath(), CreateMessage) { MajorGroups = ["channel_id"] },
        ];
    }

    public IReadOnlyList<FakeRoute> All { get; }

    private FakeResponse GetGatewayBot(FakeRequest request) =>
        FakeResponse.Ok(JsonNode.Parse(FixtureFiles.Read("gateway_bot_response.json"))!);

    private FakeResponse CreateInteractionResponse(FakeRequest request) =>
        AcceptInitialResponse(
            request.Id("interaction_id"),
            request["interaction_token"],
            request.Json,
            request.Query.TryGetValue("with_response", out var withResponse) && withResponse == "true");

    /// <summary>
    /// Takes <paramref name="response"/> as the interaction's initial response, as Discord does with a
    /// callback POST or (HTTP delivery) with the body the bot answered Discord's request with.
    /// </summary>
    internal FakeResponse AcceptInitialResponse(ulong id, string token, JsonNode? response, bool withResponse)
    {
        var type = (int?)response?["type"];
        lock (_state.Lock)
        {
            if (_state.Acknowledged.ContainsKey(id))
                return FakeResponse.Error(400, 40060, "Interaction has already been acknowledged.");

            // The initial response must come within 3 seconds of the interaction.
            if (_state.Now - FakeDiscordState.CreatedAt(id) > TimeSpan.FromSeconds(3))
                return FakeResponse.Error(404, 10062, "Unknown interaction");

            if (type is null)
                return FakeResponse.InvalidField("type", "BASE_TYPE_REQUIRED", "This field is required");

            if (type is not (1 or 4 or 5 or 6 or 7 or 8 or 9 or 12))
                return FakeResponse.InvalidField("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 12}.");

            var data = response?["data"];
            var problems = type == 8 ? MessageRules.ChoiceProblems(data?["choices"]) : type is 4 or 7 ? MessageRules.Problems(data, "data.") : [];
            if (problems is [var first, ..])
                return FakeResponse.InvalidField(first.Path, first.Code, first.Message);

            _state.Acknowledged[id] = token;
            _state.AcknowledgedTokens[token] = id;
            JsonObject? message = null;
            if (type is 4 or 5)
            {
                message = Message(InteractionChannelId, type == 4 ? data : null, messageType: 20, webhookId: ApplicationId);
                var flags = (int?)data?["flags"] ?? 0;
                message["flags"] = type == 5 ? (flags & 64) | 128 : flags;
                _state.Originals[token] = message;
            }

            return withResponse ? CallbackWithResponse(id, type, message) : FakeResponse.NoContent;
        }
    }

    /// <summary>The callback's answer with <c>with_response=true</c>: the interaction and the resource it created.</summary>
    private static FakeResponse CallbackWithResponse(ulong id, int? type, JsonObject? message)
    {
        var answer = JsonNode.Parse(FixtureFiles.Read("interaction_callback_with_response.json"))!.AsObject();
        var interaction = answer["interaction"]!.AsObject();
        interaction["id"] = id.ToString(CultureInfo.InvariantCulture);
        interaction["response_message_id"] = message?["id"]?.DeepClone();
        interaction["response_message_loading"] = type == 5;
        interaction["response_message_ephemeral"] = ((int?)message?["flags"] & 64) == 64;
        answer["resource"] = new JsonObject { ["type"] = type };
        if (type is 4 or 7 && message is not null)
            answer["resource"]!["message"] = message.DeepClone();

        return FakeResponse.Ok(answer);
    }

    private FakeResponse CreatePin(FakeRequest request)
    {
        var channelId = request.Id("channel_id");
        lock (_state.Lock)
        {
            if (CheckChannel(channelId) is { } refused)
                return refused;

            var pins = _state.Pins.TryGetValue(channelId, out var existing) ? existing : _state.Pins[channelId] = [];
            if (pins.Count >= 250 && !pins.Contains(request.Id("message_id")))
                return FakeResponse.Error(400, 30003, "Maximum number of pins reached (250)");

            pins.Add(request.Id("message_id"));
            return FakeResponse.NoContent;
        }
    }

    private FakeResponse? CheckWebhook(FakeRequest request)
    {
        if (request.Id("webhook_id") != ApplicationId)
            return FakeResponse.Error(404, 10015, "Unknown Webhook");

        var token = request["webhook_token"];
        if (!_state.AcknowledgedTokens.TryGetValue(token, out var interaction))
            return FakeResponse.Error(404, 10015, "Unknown Webhook");

        // Interaction tokens last 15 minutes.
        return _state.Now - FakeDiscordState.CreatedAt(interaction) > TimeSpan.FromMinutes(15)
            ? FakeResponse.Error(401, 50027, "Invalid Webhook Token")
            : null;
    }

    private FakeResponse? CheckChannel(ulong channelId) =>
        _state.HiddenChannels.Contains(channelId) ? FakeResponse.Error(403, 50001, "Missing Access")
        : _state.ChannelsWithoutPermission.Contains(channelId) ? FakeResponse.Error(403, 50013, "Missing Permissions")
        : null;

    [GeneratedRegex(@"^/gateway/bot$")]
    private static partial Regex GatewayBotPath();

    [GeneratedRegex(@"^/interactions/(?<interaction_id>\d+)/(?<interaction_token>[^/]+)/callback$")]
    private static partial Regex CallbackPath();

    [GeneratedRegex(@"^/webhooks/(?<webhook_id>\d+)/(?<webhook_token>[^/]+)/messages/@original$")]
    private static partial Regex OriginalPath();

    [GeneratedRegex(@"^/webhooks/(?<webhook_id>\d+)/(?<webhook_token>[^/]+)$")]
    private static partial Regex WebhookPath();

    [GeneratedRegex(@"^/channels/(?<channel_id>\d+)/messages/pins/(?<message_id>\d+)$")]
    private static partial Regex PinPath();

    [GeneratedRegex(@"^/channels/(?<channel_id>\d+)/pins/(?<message_id>\d+)$")]
    private static partial Regex OldPinPath();

    [GeneratedRegex(@"^/channels/(?<channel_id>\d+)/messages$")]
    private static partial Regex MessagesPath();
}
