namespace Bot.Testing;

/// <summary>
/// Stands in for the answer engine when a test needs it busy: work that enters waits until the test lets it
/// through (one at a time with <see cref="Let"/>, or everything from now on with <see cref="Open"/>), and
/// the gate remembers who entered, in order, so a test can await "the engine is working on X" instead of
/// guessing with a delay.
/// </summary>
public sealed class WorkGate
{
    private readonly Lock _lock = new();
    private readonly List<string> _entered = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _watchers = [];
    private readonly SemaphoreSlim _permits = new(0, int.MaxValue);
    private volatile bool _open;

    /// <summary>Who entered, in the order they did.</summary>
    public IReadOnlyList<string> Entered
    {
        get
        {
            lock (_lock)
            {
                return [.. _entered];
            }
        }
    }

    /// <summary>Records that <paramref name="who"/> entered, then waits until the test lets it through.</summary>
    public async Task PassAsync(string who, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _entered.Add(who);
            foreach (var watcher in _watchers.Where(w => w.Count <= _entered.Count).ToArray())
            {
                watcher.Reached.TrySetResult();
                _watchers.Remove(watcher);
            }
        }

        if (!_open)
            await _permits.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes once <paramref name="count"/> have entered in all (real time, bounded by <paramref name="timeout"/>).</summary>
    public Task WaitForEnteredAsync(int count, TimeSpan? timeout = null)
    {
        Task reached;
        lock (_lock)
        {
            if (_entered.Count >= count)
                return Task.CompletedTask;

            var watcher = (count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _watchers.Add(watcher);
            reached = watcher.Item2.Task;
        }

        return WaitAsync(reached, count, timeout ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Lets <paramref name="count"/> waiting (or future) entrants through.</summary>
    public void Let(int count = 1) => _permits.Release(count);

    /// <summary>Lets everyone through, waiting or to come.</summary>
    public void Open()
    {
        _open = true;
        _permits.Release(1_000_000);
    }

    private async Task WaitAsync(Task reached, int count, TimeSpan timeout)
    {
        try
        {
            await reached.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited for {count} to enter the gate; entered: {string.Join(", ", Entered)}");
        }
    }
}
