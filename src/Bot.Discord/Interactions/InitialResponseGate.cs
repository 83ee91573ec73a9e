using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// The one initial response of one interaction: NotSent → Sending → Sent or Failed, each step a
/// compare-and-swap. Discord answers a second initial response with 40060, and a reply that raced a
/// deferral would show the user one of them and lose the other, so whoever wins <see cref="TryBegin"/>
/// is the only one that may call the responder; everyone else must edit the original instead.
/// </summary>
internal sealed class InitialResponseGate
{
    // State in the low byte, callback type above it: one int, so state and type change together.
    private int _value;

    public InitialResponseState State => (InitialResponseState)(Volatile.Read(ref _value) & 0xFF);

    /// <summary>The callback type of the response that was begun; meaningful once <see cref="State"/> is past NotSent.</summary>
    public InteractionCallbackType Type => (InteractionCallbackType)(Volatile.Read(ref _value) >> 8);

    /// <summary>Claims the right to send the initial response; false when it was already claimed.</summary>
    public bool TryBegin(InteractionCallbackType type) =>
        Interlocked.CompareExchange(ref _value, Pack(InitialResponseState.Sending, type), Pack(InitialResponseState.NotSent, 0)) == 0;

    /// <summary>Records how the claimed response went. Only the claimant calls it, once.</summary>
    public void Complete(bool delivered)
    {
        var current = Volatile.Read(ref _value);
        var next = Pack(delivered ? InitialResponseState.Sent : InitialResponseState.Failed, (InteractionCallbackType)(current >> 8));
        if ((InitialResponseState)(current & 0xFF) != InitialResponseState.Sending
            || Interlocked.CompareExchange(ref _value, next, current) != current)
        {
            throw new InvalidOperationException("The initial response was completed without being begun, or twice.");
        }
    }

    private static int Pack(InitialResponseState state, InteractionCallbackType type) => ((int)type << 8) | (int)state;
}

internal enum InitialResponseState
{
    NotSent,
    Sending,
    Sent,
    Failed,
}
