namespace Bot.Discord.Local;

/// <summary>Reading an interaction's original response, as a bot does to learn the id of the message it answered with.</summary>
internal sealed partial class LocalDiscordRoutes
{
    private FakeRoute GetOriginalRoute() =>
        new("get_original_webhook_message", "GET", OriginalPath(), GetOriginal)
        {
            BotAuth = false,
            MajorGroups = ["webhook_id", "webhook_token"],
        };

    /// <summary>The message as it stands (a type 5's "thinking" placeholder until the edit); 10008 before any initial response made one.</summary>
    private FakeResponse GetOriginal(FakeRequest request)
    {
        lock (_state.Lock)
        {
            if (CheckWebhook(request) is { } refused)
                return refused;

            return _state.Originals.TryGetValue(request["webhook_token"], out var original)
                ? FakeResponse.Ok(original.DeepClone())
                : FakeResponse.Error(404, 10008, "Unknown Message");
        }
    }
}
