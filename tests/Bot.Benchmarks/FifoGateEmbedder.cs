using Bot.Knowledge.Semantic;

namespace Bot.Benchmarks;

/// <summary>
/// A prototype for the fix suggested in docs/PERFORMANCE.md: at most <c>slots</c> callers reach the
/// model at once, and the others are served strictly in arrival order (a finished call hands its slot
/// to the longest waiter). <c>MiniLmEmbedder</c> bounds concurrency with a <see cref="SemaphoreSlim"/>,
/// whose synchronous waiters are not served in order: a thread arriving while a slot frees up
/// can take it before one that has waited for several inferences, which stretches the tail when
/// more questions arrive than there are slots. Put in front of a <c>MiniLmEmbedder</c> with as many
/// slots, so its own semaphore never has to queue anyone.
/// </summary>
internal sealed class FifoGateEmbedder(ITextEmbedder inner, int slots) : ITextEmbedder
{
    private readonly Lock gate = new();
    private readonly Queue<ManualResetEventSlim> waiting = new();
    private int free = slots;

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ManualResetEventSlim? ticket = null;
        lock (gate)
        {
            if (free > 0 && waiting.Count == 0)
                free--;
            else
                waiting.Enqueue(ticket = new ManualResetEventSlim(false));
        }

        if (ticket is not null)
        {
            ticket.Wait(CancellationToken.None); // (a real fix would also leave the queue on cancellation)
            ticket.Dispose();
        }

        try
        {
            return inner.Embed(texts, cancellationToken);
        }
        finally
        {
            lock (gate)
            {
                if (waiting.TryDequeue(out var next))
                    next.Set(); // the slot passes straight to the longest waiter
                else
                    free++;
            }
        }
    }
}
