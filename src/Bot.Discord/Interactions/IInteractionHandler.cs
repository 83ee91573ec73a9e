using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// Turns an interaction into a reply. Implementations know nothing about the 3-second window,
/// deferral or callbacks: the <c>InteractionDispatcher</c> owns those.
/// </summary>
public interface IInteractionHandler
{
    /// <summary>
    /// How to acknowledge this interaction if its reply is late. Asked before the handler runs,
    /// because a deferred reply's visibility (public or ephemeral) is fixed by the deferral.
    /// </summary>
    DeferralKind PlanDeferral(Interaction interaction);

    ValueTask<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken);
}
