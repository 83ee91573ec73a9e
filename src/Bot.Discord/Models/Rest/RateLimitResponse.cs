namespace Bot.Discord.Models.Rest;

/// <summary>The JSON body of a 429. The scope is in the <c>X-RateLimit-Scope</c> header, not here.</summary>
public sealed record RateLimitResponse
{
    public string Message { get; init; } = "";

    /// <summary>Seconds to wait before retrying.</summary>
    public double RetryAfter { get; init; }

    /// <summary>True when the global (per-bot) limit was hit.</summary>
    public bool Global { get; init; }

    public int? Code { get; init; }
}
