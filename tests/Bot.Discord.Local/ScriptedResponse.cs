namespace Bot.Discord.Local;

/// <summary>
/// An answer the server gives instead of its normal one. <see cref="WithBucketHeaders"/> adds the route's
/// current <c>X-RateLimit-*</c> headers first (as Discord does on a per-route 429); <see cref="Headers"/> then override.
/// </summary>
public sealed record ScriptedResponse(int Status, string? Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool WithBucketHeaders { get; init; }
}
