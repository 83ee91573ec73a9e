namespace Bot.Discord.Models.Gateway;

/// <summary>How many Identifies the bot has left (<c>session_start_limit</c> of <c>GET /gateway/bot</c>).</summary>
public sealed record SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>Identifies allowed per 5 seconds.</summary>
    public int MaxConcurrency { get; init; }
}
