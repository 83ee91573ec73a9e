namespace Bot.Discord.Interactions;

/// <summary>Why an interaction's 3-second window passed with no initial response (<c>bot.interactions.missed_window</c>).</summary>
public enum MissedWindow
{
    /// <summary>It waited in the queue past the window: no worker was free in time.</summary>
    Queued,

    /// <summary>It cannot be deferred (autocomplete) and its answer was not ready within the window.</summary>
    NotReady,

    /// <summary>The initial response was refused as too late (Discord's 10062, or the HTTP request was already closed).</summary>
    Expired,
}
