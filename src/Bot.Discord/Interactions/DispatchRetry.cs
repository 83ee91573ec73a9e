using Bot.Discord.Rest;

namespace Bot.Discord.Interactions;

/// <summary>When the dispatcher tries a callback or an edit once more, and how long it waits first.</summary>
internal static class DispatchRetry
{
    /// <summary>Pause before the one extra try of a call that failed in a way worth repeating.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The REST client already retried 429s, 502/503/504 and requests that never left. A 500, or a
    /// callback whose answer was lost, is worth one more try: a duplicate initial response is refused
    /// (40060) rather than shown twice, and an edit is idempotent.
    /// </summary>
    public static bool WorthOneMoreTry(DiscordRestError error) =>
        error.Kind == DiscordRestErrorKind.Unreachable
        || (error.Kind == DiscordRestErrorKind.ServerError && error.HttpStatus is not (502 or 503 or 504));
}
