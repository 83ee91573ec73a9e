using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Tests.Interactions;

/// <summary>Stands in for the bot's command layer: each test says how it plans and what it answers.</summary>
internal sealed class TestInteractionHandler : IInteractionHandler
{
    private int _plans;
    private int _calls;

    public Func<Interaction, DeferralKind> Plan { get; set; } = _ => DeferralKind.Public;

    public Func<Interaction, CancellationToken, ValueTask<InteractionReply>> Handle { get; set; } =
        (_, _) => ValueTask.FromResult(Reply("Beyond Utopia (2023) is a documentary by Madeleine Gavin."));

    public int PlanCalls => Volatile.Read(ref _plans);

    public int HandleCalls => Volatile.Read(ref _calls);

    public static InteractionReply Reply(string content) => InteractionReply.Message(new InteractionCallbackData { Content = content });

    public DeferralKind PlanDeferral(Interaction interaction)
    {
        Interlocked.Increment(ref _plans);
        return Plan(interaction);
    }

    public ValueTask<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Handle(interaction, cancellationToken);
    }
}
