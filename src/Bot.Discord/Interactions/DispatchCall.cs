using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>One interaction being answered: what arrived, when, how it will be acknowledged, and the one-callback gate.</summary>
internal sealed class DispatchCall(IncomingInteraction incoming, IInitialResponder responder)
{
    public Interaction Interaction { get; } = incoming.Interaction;

    public IInitialResponder Responder { get; } = responder;

    /// <summary>The monotonic timestamp taken when it arrived: Discord's 3-second window runs from here.</summary>
    public long ArrivedAt { get; } = incoming.ArrivedAt;

    public InitialResponseGate Gate { get; } = new();

    /// <summary>The deferral the handler planned, decided before it runs.</summary>
    public DeferralKind Plan { get; set; }

    public ulong Id => Interaction.Id;

    /// <summary>The command's name, or the clicked custom id, or the interaction type: what the log names it by.</summary>
    public string Name { get; } = incoming.Interaction.Data?.Name ?? incoming.Interaction.Data?.CustomId ?? incoming.Interaction.Type.ToString();

    /// <summary>The bounded name metrics label it with (<see cref="InteractionLabels.Command"/>).</summary>
    public string Command { get; } = InteractionLabels.Command(incoming.Interaction);

    // What the metrics record once the dispatch ends, set by whichever part decided it.

    /// <summary>How it ended; null until decided (an end nobody decided counts as undelivered).</summary>
    public InteractionOutcome? Outcome { get; set; }

    /// <summary>From arrival to the answer reaching Discord, once it did.</summary>
    public TimeSpan? AnsweredAfter { get; set; }

    public bool Deferred { get; set; }

    public MissedWindow? MissedWindow { get; set; }
}
