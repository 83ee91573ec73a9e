namespace Bot.Discord.Interactions.Admission;

/// <summary>What <see cref="InteractionAdmission"/> decided for an interaction on arrival.</summary>
public enum AdmissionDecision
{
    /// <summary>Its answer should be ready within <c>Discord:Interactions:DeferAfter</c>: answer it, deferring only if it is late after all.</summary>
    Answer,

    /// <summary>Its answer will not be ready within <c>DeferAfter</c>: defer at once and answer by editing the deferral.</summary>
    DeferAtOnce,

    /// <summary>Its answer would come later than <c>Discord:Interactions:MaxQueueDelay</c>: tell the member the bot is busy.</summary>
    BusyQueueFull,

    /// <summary>Its member already has <c>Discord:Interactions:MaxQueuedPerMember</c> interactions waiting: tell them the bot is busy.</summary>
    BusyMemberLimit,
}
