using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Bot.Discord.Interactions;

/// <summary>
/// The bounded queue between the gateway's receive loop (which only parses and enqueues) and the
/// dispatcher's workers. Bounded so a flood of interactions costs memory up to a limit, not
/// without one; when full, the receive loop waits rather than dropping, which Discord sees as a
/// slow client, never as lost interactions.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue: the bounded queue between the gateway and the workers.")]
public sealed class InteractionQueue
{
    public const int DefaultCapacity = 1024;

    private readonly Channel<IncomingInteraction> _channel;

    public InteractionQueue(int capacity = DefaultCapacity)
    {
        _channel = Channel.CreateBounded<IncomingInteraction>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelWriter<IncomingInteraction> Writer => _channel.Writer;

    public ChannelReader<IncomingInteraction> Reader => _channel.Reader;

    /// <summary>Interactions waiting for a worker.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>How long the oldest waiting interaction has waited, or null when none waits.</summary>
    public TimeSpan? OldestWaiting(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return _channel.Reader.TryPeek(out var oldest) ? time.GetElapsedTime(oldest.ArrivedAt) : null;
    }
}
