namespace Bot.Discord.Interactions;

/// <summary>How the handling of one interaction ended, as <c>bot.interactions</c> counts it.</summary>
public enum InteractionOutcome
{
    /// <summary>The handler's reply reached Discord, as the initial response or as the edit of a deferral.</summary>
    Answered,

    /// <summary>The handler failed or ran out of time: the user was told to try again where that was still possible.</summary>
    Failed,

    /// <summary>The reply was ready but Discord did not take it (a refused callback or edit).</summary>
    Undelivered,

    /// <summary>Dropped unanswered because Discord's 3-second window had passed.</summary>
    Missed,

    /// <summary>Shutdown stopped waiting for it.</summary>
    Abandoned,
}

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
