namespace Bot.Discord.Interactions;

/// <summary>
/// When an interaction worker last finished an interaction: with the queue's oldest wait, what tells a busy
/// bot from a stuck one (every worker held by a handler that never returns while interactions pile up).
/// </summary>
public sealed class WorkerProgress
{
    private readonly TimeProvider _time;
    private long _lastFinishedAt;

    public WorkerProgress(TimeProvider time)
    {
        _time = time;

        // Counted from the start, so a bot stuck on its very first interactions is seen too.
        _lastFinishedAt = time.GetTimestamp();
    }

    /// <summary>Since a worker last finished an interaction (or since start, when none has).</summary>
    public TimeSpan SinceLastFinished => _time.GetElapsedTime(Interlocked.Read(ref _lastFinishedAt));

    /// <summary>
    /// True when an interaction has waited in <paramref name="queue"/> longer than <paramref name="after"/> and
    /// no worker finished anything in that time: the workers are not draining the queue.
    /// </summary>
    public bool IsStalled(InteractionQueue queue, TimeSpan after)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return queue.OldestWaiting(_time) > after && SinceLastFinished > after;
    }

    /// <summary>Raised after a worker finished an interaction (answered, failed or abandoned it).</summary>
    public event Action? InteractionFinished;

    internal void Finished()
    {
        Interlocked.Exchange(ref _lastFinishedAt, _time.GetTimestamp());
        InteractionFinished?.Invoke();
    }
}
