namespace Bot.Knowledge.Semantic;

/// <summary>
/// How many inferences of the sentence model may run at once (<c>Knowledge:MaxModelConcurrency</c>), and
/// the way to take one without blocking a thread: <see cref="RunAsync"/> waits for a slot asynchronously,
/// then runs its work holding it, and every synchronous <see cref="Enter"/> on that work's way (the answer
/// engine embedding the question) uses the slot already held instead of waiting for another. Callers that
/// hold none (building the index, the command line) wait in <see cref="Enter"/>, on their own thread.
/// </summary>
/// <remarks>
/// Under overload this is what keeps the thread pool free: hundreds of questions waiting for the model
/// wait as queued continuations, not as threads parked in <see cref="SemaphoreSlim.Wait()"/>, so the
/// threads that send deferrals and read requests are never all taken by waiters.
/// </remarks>
public sealed class ModelSlots : IDisposable
{
    private readonly SemaphoreSlim _free;

    // The slot the current asynchronous flow holds, if any: set by RunAsync, seen by everything it calls.
    private readonly AsyncLocal<Holding?> _held = new();

    public ModelSlots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _free = new SemaphoreSlim(count, count);
    }

    /// <summary>The most inferences that run at once.</summary>
    public int Count { get; }

    /// <summary>Slots nobody holds now.</summary>
    public int Free => _free.CurrentCount;

    /// <summary>
    /// Waits for a slot without blocking a thread, then runs <paramref name="work"/> holding it: the model
    /// calls <paramref name="work"/> makes, synchronously or not, take no other slot.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_held.Value is { Released: false })
        {
            return await work().ConfigureAwait(false); // already holding one: a second would be a deadlock waiting to happen
        }

        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        var holding = new Holding();
        _held.Value = holding;
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            // Work this flow started and left running (fire and forget) must not go on using the slot.
            holding.Released = true;
            _free.Release();
        }
    }

    /// <summary>
    /// A slot for one synchronous inference: the one this flow holds (nothing to wait for), or a fresh one,
    /// waited for on this thread. Dispose it when the inference is done.
    /// </summary>
    public Lease Enter(CancellationToken cancellationToken = default)
    {
        if (_held.Value is { Released: false })
            return default;

        _free.Wait(cancellationToken);
        return new Lease(this);
    }

    public void Dispose() => _free.Dispose();

    /// <summary>A slot taken by <see cref="Enter"/>; the default value holds none of its own.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly ModelSlots? _owner;

        internal Lease(ModelSlots owner) => _owner = owner;

        public void Dispose() => _owner?._free.Release();
    }

    private sealed class Holding
    {
        public volatile bool Released;
    }
}
