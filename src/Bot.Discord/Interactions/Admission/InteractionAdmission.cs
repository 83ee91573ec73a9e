using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// Bounded admission in front of the handlers, for both transports. At most <see cref="Concurrency"/>
/// handlers (<c>Discord:Interactions:Workers</c>) run at once, each inside <see cref="IHandlerSlots"/>;
/// the rest wait in a <see cref="FairQueue{T}"/> (servers round-robin). On arrival every interaction is
/// given an estimate of when its answer will be ready: the measured handler time
/// (<see cref="ServiceTimeEstimate"/>) times the items ahead of it, divided by the concurrency. That
/// estimate, not a count, bounds the queue: an answer expected after <c>DeferAfter</c> is deferred at
/// once, one expected after <c>MaxQueueDelay</c> (or from a member with <c>MaxQueuedPerMember</c> already
/// waiting) is refused with a short "busy" reply instead of silence.
/// </summary>
public sealed class InteractionAdmission
{
    private readonly Lock _lock = new();
    private readonly FairQueue<Entry> _queue = new();
    private readonly ServiceTimeEstimate _service = new();
    private readonly IHandlerSlots? _slots;
    private readonly TimeProvider _time;
    private readonly TimeSpan _deferAfter;
    private readonly TimeSpan _maxQueueDelay;
    private readonly int _maxQueuedPerMember;
    private int _running;
    private long _deferredAtOnce;
    private long _busy;
    private long _expired;
    private long _lastReportAt;
    private long _lastFinishedAt;
    private bool _reported;
    private (long Busy, long DeferredAtOnce, long Expired) _atLastReport;

    /// <param name="slots">What each handler holds while it runs (the bot's: a sentence-model slot); nothing when null.</param>
    public InteractionAdmission(IOptions<DiscordOptions> options, TimeProvider time, IHandlerSlots? slots = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value.Interactions;
        Concurrency = settings.Workers;
        _deferAfter = settings.DeferAfter;
        _maxQueueDelay = settings.MaxQueueDelay;
        _maxQueuedPerMember = settings.MaxQueuedPerMember;
        _time = time;
        _slots = slots;
        _lastReportAt = time.GetTimestamp();

        // Counted from the start, so handlers stuck on the very first interactions are seen too.
        _lastFinishedAt = _lastReportAt;
    }

    /// <summary>How often, at most, overload is summed up in the log.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);

    /// <summary>Handlers that run at once.</summary>
    public int Concurrency { get; }

    /// <summary>Interactions admitted and waiting for a handler.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public int Running => Volatile.Read(ref _running);

    /// <summary>The handler time the estimates use now.</summary>
    public TimeSpan ServiceTime
    {
        get
        {
            lock (_lock)
            {
                return _service.Current;
            }
        }
    }

    /// <summary>Since a handler last finished (or since start, when none has).</summary>
    public TimeSpan SinceLastFinished => _time.GetElapsedTime(Interlocked.Read(ref _lastFinishedAt));

    /// <summary>How long the interaction waiting longest for a handler has waited; null when none waits.</summary>
    public TimeSpan? OldestWaiting
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count == 0 ? null : _time.GetElapsedTime(_queue.Heads.Min(entry => entry.EnqueuedAt));
            }
        }
    }

    /// <summary>
    /// True when an interaction has waited longer than <paramref name="after"/> for a handler and no handler
    /// finished anything in that time: every handler is held by work that does not return. (Busy handlers
    /// finish things; idle ones leave nothing waiting.)
    /// </summary>
    public bool IsStalled(TimeSpan after) => OldestWaiting > after && SinceLastFinished > after;

    /// <summary>Interactions deferred on arrival because their answer was expected after <c>DeferAfter</c>.</summary>
    public long DeferredAtOnce => Interlocked.Read(ref _deferredAtOnce);

    /// <summary>Interactions refused with the busy reply.</summary>
    public long RefusedBusy => Interlocked.Read(ref _busy);

    /// <summary>Interactions dropped unanswered because Discord's 3-second window passed before they could be acknowledged (waiting to be taken, or for their turn).</summary>
    public long Expired => Interlocked.Read(ref _expired);

    /// <summary>
    /// Decides for an interaction that arrived <paramref name="waited"/> ago and, unless it is refused, queues
    /// <paramref name="run"/> to run in its turn. When <paramref name="cancellationToken"/> is cancelled before
    /// that turn comes, it never runs.
    /// </summary>
    public AdmissionTicket<T> Admit<T>(FairnessKey key, TimeSpan waited, Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entry = new Entry<T>(run, cancellationToken) { EnqueuedAt = _time.GetTimestamp() };
        TimeSpan estimate;
        var startNow = false;
        lock (_lock)
        {
            if (_running < Concurrency)
            {
                // A free slot means nothing waits: start at once.
                estimate = waited + _service.FinishIn(0, _running, Concurrency);
                _running++;
                startNow = true;
            }
            else
            {
                if (_queue.WaitingBy(key.Member) >= _maxQueuedPerMember)
                    return Refuse<T>(AdmissionDecision.BusyMemberLimit, waited + _service.FinishIn(_queue.Count, _running, Concurrency));

                estimate = waited + _service.FinishIn(_queue.Ahead(key.Group), _running, Concurrency);
                if (estimate > _maxQueueDelay)
                    return Refuse<T>(AdmissionDecision.BusyQueueFull, estimate);

                _queue.Enqueue(key, entry);
            }
        }

        var decision = estimate > _deferAfter ? AdmissionDecision.DeferAtOnce : AdmissionDecision.Answer;
        if (decision == AdmissionDecision.DeferAtOnce)
            Interlocked.Increment(ref _deferredAtOnce);

        if (startNow)
            _ = RunInTurnAsync(entry);

        Changed?.Invoke();
        return new AdmissionTicket<T>(decision, estimate, entry.Done.Task);
    }

    /// <summary>Counts an interaction whose window passed before it could be acknowledged.</summary>
    internal void CountExpired()
    {
        Interlocked.Increment(ref _expired);
        Changed?.Invoke();
    }

    /// <summary>
    /// Raised after what <see cref="Waiting"/>, <see cref="Running"/>, <see cref="Expired"/> or
    /// <see cref="RefusedBusy"/> report may have changed, so an observer can await a state instead of polling it.
    /// </summary>
    public event Action? Changed;

    /// <summary>
    /// What was refused, deferred on arrival or dropped since the last report, when there is something and
    /// the last report is <see cref="ReportInterval"/> old (the first comes at once); otherwise null.
    /// </summary>
    internal OverloadReport? TakeReport()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var period = _time.GetElapsedTime(_lastReportAt, now);
            var totals = (Busy: RefusedBusy, DeferredAtOnce, Expired);
            if ((_reported && period < ReportInterval) || totals == _atLastReport)
                return null;

            var report = new OverloadReport(
                period, totals.Busy - _atLastReport.Busy, totals.DeferredAtOnce - _atLastReport.DeferredAtOnce, totals.Expired - _atLastReport.Expired, _queue.Count, _service.Current);
            _atLastReport = totals;
            _lastReportAt = now;
            _reported = true;
            return report;
        }
    }

    private AdmissionTicket<T> Refuse<T>(AdmissionDecision why, TimeSpan estimate)
    {
        Interlocked.Increment(ref _busy);
        Changed?.Invoke();
        return new AdmissionTicket<T>(why, estimate, null);
    }

    /// <summary>Runs <paramref name="entry"/>, then, on the same slot, whatever is next in the queue, until it is empty.</summary>
    private async Task RunInTurnAsync(Entry entry)
    {
        for (Entry? next = entry; next is not null;)
        {
            var started = _time.GetTimestamp();
            await next.RunAsync(_slots).ConfigureAwait(false);
            var finished = _time.GetTimestamp();
            var took = _time.GetElapsedTime(started, finished);
            Interlocked.Exchange(ref _lastFinishedAt, finished);
            lock (_lock)
            {
                _service.Add(took);
                next = TakeNextLocked();
            }

            Changed?.Invoke();
        }
    }

    /// <summary>The next entry whose dispatch still waits for it, or null (the slot is then free).</summary>
    private Entry? TakeNextLocked()
    {
        while (_queue.TryDequeue(out var next))
        {
            if (!next.SkipIfCancelled())
                return next;
        }

        _running--;
        return null;
    }

    private abstract class Entry
    {
        /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of its admission.</summary>
        public long EnqueuedAt { get; init; }

        /// <summary>Runs the handler and settles the ticket's task; never throws.</summary>
        public abstract Task RunAsync(IHandlerSlots? slots);

        /// <summary>True (and the ticket's task cancelled) when nobody waits for this entry any more.</summary>
        public abstract bool SkipIfCancelled();
    }

    private sealed class Entry<T>(Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken) : Entry
    {
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(IHandlerSlots? slots)
        {
            try
            {
                var result = slots is null
                    ? await run(cancellationToken).ConfigureAwait(false)
                    : await slots.RunAsync(() => run(cancellationToken), cancellationToken).ConfigureAwait(false);
                Done.TrySetResult(result);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Done.TrySetCanceled(cancellationToken);
            }
            catch (Exception exception)
            {
                Done.TrySetException(exception);
            }
        }

        public override bool SkipIfCancelled()
        {
            if (!cancellationToken.IsCancellationRequested)
                return false;

            Done.TrySetCanceled(cancellationToken);
            return true;
        }
    }
}
