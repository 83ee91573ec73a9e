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
