using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>
/// Messages: an interaction's original response edited or deleted, follow-ups, channel messages. Each
/// body is held to Discord's message rules (<see cref="MessageRules"/>), and each message made or
/// edited is returned as Discord returns it, with who it pinged (<see cref="MessageMentions"/>), and
/// kept in <see cref="FakeDiscordState.Messages"/>.
/// </summary>
internal sealed partial class LocalDiscordRoutes
{
    private FakeResponse EditOriginal(FakeRequest request)
    {
        lock (_state.Lock)
        {
            if (CheckWebhook(request) is { } refused)
                return refused;

            if (!_state.Originals.TryGetValue(request["webhook_token"], out var original))
                return FakeResponse.Error(404, 10008, "Unknown Message");

            var edit = request.Json as JsonObject ?? [];
            if (Refusal(edit, "") is { } invalid)
                return invalid;

            foreach (var field in new[] { "content", "embeds", "components", "attachments" })
            {
                if (edit.ContainsKey(field))
                    original[field] = edit[field]?.DeepClone() ?? (field == "content" ? "" : new JsonArray());
            }

            original["flags"] = ((int?)original["flags"] ?? 0) & ~128; // no longer "thinking"
            original["edited_timestamp"] = FakeDiscordState.Timestamp(_state.Now);
            MessageMentions.Apply(original, edit["allowed_mentions"], viaWebhook: true);
            return FakeResponse.Ok(original.DeepClone());
        }
    }

    private FakeResponse DeleteOriginal(FakeRequest request)
    {
        lock (_state.Lock)
        {
            if (CheckWebhook(request) is { } refused)
                return refused;

            return _state.Originals.Remove(request["webhook_token"])
                ? FakeResponse.NoContent
                : FakeResponse.Error(404, 10008, "Unknown Message");
        }
    }

    private FakeResponse ExecuteWebhook(FakeRequest request)
    {
        lock (_state.Lock)
        {
            if (CheckWebhook(request) is { } refused)
                return refused;

            var body = request.Json as JsonObject ?? [];
            if (NewMessageRefusal(body) is { } invalid)
                return invalid;

            var message = Message(InteractionChannelId, body, messageType: 0, webhookId: ApplicationId);
            return request.Query.TryGetValue("wait", out var wait) && wait == "true" ? FakeResponse.Ok(message) : FakeResponse.NoContent;
        }
    }

    /// <summary>Why Discord refuses <paramref name="body"/> as a new message (empty, or over a limit), or null.</summary>
    private static FakeResponse? NewMessageRefusal(JsonObject body) =>
        IsEmptyMessage(body) ? FakeResponse.Error(400, 50006, "Cannot send an empty message") : Refusal(body, "");

    private FakeResponse CreateMessage(FakeRequest request)
    {
        var channelId = request.Id("channel_id");
        lock (_state.Lock)
        {
            if (CheckChannel(channelId) is { } refused)
                return refused;

            var body = request.Json as JsonObject ?? [];
            if (NewMessageRefusal(body) is { } invalid)
                return invalid;

            return FakeResponse.Ok(Message(channelId, body, messageType: 0, webhookId: null));
        }
    }

    /// <summary>The 50035 Discord answers a message body that breaks one of its rules with (the first one), or null.</summary>
    private static FakeResponse? Refusal(JsonNode? message, string prefix) =>
        MessageRules.Problems(message, prefix) is [var first, ..] ? FakeResponse.InvalidField(first.Path, first.Code, first.Message) : null;

    private static bool IsEmptyMessage(JsonObject body) =>
        string.IsNullOrEmpty((string?)body["content"])
        && body["embeds"] is not JsonArray { Count: > 0 }
        && body["components"] is not JsonArray { Count: > 0 }
        && body["sticker_ids"] is not JsonArray { Count: > 0 }
        && body["poll"] is null;

    /// <summary>A message as Discord returns it, made from a message body, remembered in <see cref="FakeDiscordState.Messages"/>.</summary>
    private JsonObject Message(ulong channelId, JsonNode? body, int messageType, ulong? webhookId)
    {
        var message = new JsonObject
        {
            ["id"] = _state.NewSnowflake().ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = channelId.ToString(CultureInfo.InvariantCulture),
            ["author"] = BotUser(),
            ["content"] = (string?)body?["content"] ?? "",
            ["timestamp"] = FakeDiscordState.Timestamp(_state.Now),
            ["edited_timestamp"] = null,
            ["tts"] = (bool?)body?["tts"] ?? false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = body?["embeds"]?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["type"] = messageType,
            ["flags"] = (int?)body?["flags"] ?? 0,
            ["components"] = body?["components"]?.DeepClone() ?? new JsonArray(),
        };
        if (webhookId is { } webhook)
        {
            message["webhook_id"] = webhook.ToString(CultureInfo.InvariantCulture);
            message["application_id"] = ApplicationId.ToString(CultureInfo.InvariantCulture);
        }

        MessageMentions.Apply(message, body?["allowed_mentions"], viaWebhook: webhookId is not null);
        _state.Messages.Add(message);
        return message;
    }

    private static JsonObject BotUser() => new()
    {
        ["id"] = ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["username"] = "examplebot",
        ["discriminator"] = "0",
        ["global_name"] = null,
        ["avatar"] = null,
        ["public_flags"] = 0,
        ["bot"] = true,
    };
}
