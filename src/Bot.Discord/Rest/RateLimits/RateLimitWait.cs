namespace Bot.Discord.Rest.RateLimits;

/// <summary>Result of waiting for a limiter: acquired, or refused because the wait would exceed the allowed maximum.</summary>
public readonly record struct RateLimitWait(bool Acquired, TimeSpan TooLongBy)
{
    public static RateLimitWait Granted => new(true, TimeSpan.Zero);

    /// <summary>Refused: the limiter would have had to wait <paramref name="wait"/>.</summary>
    public static RateLimitWait Refused(TimeSpan wait) => new(false, wait);
}
