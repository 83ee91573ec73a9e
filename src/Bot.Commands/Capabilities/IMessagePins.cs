namespace Bot.Commands.Capabilities;

/// <summary>
/// Pinning a message in its channel: what <c>/summary</c> needs of the transport. Implemented by
/// each transport (Discord's REST API, the console); <see cref="NoMessagePins"/> when there is none.
/// </summary>
public interface IMessagePins
{
    /// <summary>Pins <paramref name="messageId"/> in <paramref name="channelId"/>; never throws for a refusal, only says what came of it.</summary>
    ValueTask<PinOutcome> PinAsync(string channelId, string messageId, CancellationToken cancellationToken);
}

/// <summary>What came of a pin.</summary>
public enum PinOutcome
{
    Pinned,

    /// <summary>The bot lacks the Pin Messages permission in the channel.</summary>
    BotMissingPermission,

    /// <summary>The bot cannot see the channel at all.</summary>
    BotMissingAccess,

    /// <summary>The channel holds as many pins as it may (250 on Discord).</summary>
    PinLimitReached,

    /// <summary>This transport has no pins (the local console).</summary>
    NotAvailable,

    /// <summary>Anything else: the transport could not be reached, or refused for a reason of its own.</summary>
    Failed,
}

/// <summary>No transport to pin with: every pin is <see cref="PinOutcome.NotAvailable"/>.</summary>
public sealed class NoMessagePins : IMessagePins
{
    public static NoMessagePins Instance { get; } = new();

    public ValueTask<PinOutcome> PinAsync(string channelId, string messageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PinOutcome.NotAvailable);
}
