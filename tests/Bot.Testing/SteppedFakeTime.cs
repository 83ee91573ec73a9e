using Microsoft.Extensions.Time.Testing;

namespace Bot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows whether the code on it is waiting for the clock: it
/// keeps count of the timers that are armed and have not fired, so <see cref="AdvanceUntilAsync"/>
/// moves the clock only while something waits on it, and otherwise awaits the code (finishing, or
/// arming its next timer) instead of pausing on the real clock between steps.
/// </summary>
public sealed class SteppedFakeTime : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private int _pending;
    private int _fired;
    private int _armed;
    private readonly ChangeSignal _changes = new();

    // Every due time a timer was armed for, for WaitForTimerAsync.
    private readonly List<TimeSpan> _dueTimes = [];

    public SteppedFakeTime()
    {
    }

    public SteppedFakeTime(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Timers armed and not yet fired, changed to never or disposed: the code waits on the clock while this is above 0.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
                return _pending;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero)
                    tracked.Disarm();
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);
        tracked.Arm(dueTime);
        return tracked;
    }

    /// <summary>
    /// Moves the clock by <paramref name="step"/> whenever the code waits on it, until <paramref name="task"/>
    /// completes; returns how far it moved. Fails after <paramref name="limit"/> of clock time, or when the
    /// code neither finishes nor waits on the clock within 15 s (a hang; the message is <paramref name="describe"/>'s).
    /// </summary>
    /// <remarks>
    /// After a step that fired a timer, the woken code is awaited until it finishes, arms a timer, or makes
    /// <paramref name="progress"/> grow (say, a request answered by the local Discord): the clock never runs
    /// ahead of code that is still reacting to the last step.
    /// </remarks>
    public async Task<TimeSpan> AdvanceUntilAsync(Task task, TimeSpan step, TimeSpan limit, Func<string> describe, Func<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(describe);
        _ = task.ContinueWith(_ => Notify(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var moved = TimeSpan.Zero;
        while (await WaitsOnTheClockAsync(task, describe))
        {
            if (moved >= limit)
                throw new TimeoutException($"Still waiting after moving the clock {moved}; {describe()}");
            var fired = Volatile.Read(ref _fired);
            var armed = Volatile.Read(ref _armed);
            var progressed = progress?.Invoke() ?? 0;
            Advance(step);
            moved += step;
            if (Volatile.Read(ref _fired) != fired)
            {
                await UntilAsync(
                    () => task.IsCompleted || Volatile.Read(ref _armed) != armed || (progress?.Invoke() ?? 0) != progressed,
                    () => "the code woken by the clock neither finished, waited on it again nor made progress; " + describe());
            }
        }

        await task;
        return moved;
    }

    /// <summary>Awaits the code until it has finished (false) or waits on the clock (true).</summary>
    private async Task<bool> WaitsOnTheClockAsync(Task task, Func<string> describe)
    {
        await UntilAsync(() => task.IsCompleted || Pending > 0, () => "the code neither finished nor waited on the clock; " + describe());
        return !task.IsCompleted;
    }

    /// <summary>Awaits <paramref name="condition"/>, re-checked on every change seen here or <see cref="Nudge"/>d in.</summary>
    private Task UntilAsync(Func<bool> condition, Func<string> describe) =>
        _changes.WaitUntilAsync(condition, TimeSpan.FromSeconds(15), describe);

    /// <summary>
    /// Awaits a timer armed (now or earlier) for exactly <paramref name="dueTime"/>, without moving the clock: for code that waits
    /// on the clock while other timers (a timeout around real I/O, a heartbeat) are armed too, so that
    /// <see cref="Pending"/> alone cannot say it is waiting for this one.
    /// </summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return UntilAsync(
            () =>
            {
                lock (_lock)
                    return _dueTimes.Contains(dueTime);
            },
            () => $"no timer armed for {dueTime}; " + describe());
    }

    /// <summary>Tells a waiting <see cref="AdvanceUntilAsync"/> that its progress count may have moved.</summary>
    public void Nudge() => Notify();

    private void Notify() => _changes.Notify();

    /// <summary>A timer whose armed state is counted in <see cref="Pending"/>.</summary>
    private sealed class TrackedTimer(SteppedFakeTime owner) : ITimer
    {
        private bool _armed;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = Inner.Change(dueTime, period);
            Arm(dueTime);
            return changed;
        }

        public void Dispose()
        {
            Disarm();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disarm();
            return Inner.DisposeAsync();
        }

        public void Arm(TimeSpan dueTime)
        {
            Set(dueTime != Timeout.InfiniteTimeSpan);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (owner._lock)
                    owner._dueTimes.Add(dueTime);
                Interlocked.Increment(ref owner._armed);
                owner.Notify();
            }
        }

        public void Disarm() => Set(false);

        private void Set(bool armed)
        {
            lock (owner._lock)
            {
                if (armed == _armed)
                    return;
                _armed = armed;
                owner._pending += armed ? 1 : -1;
            }

            owner.Notify();
        }
    }
}
