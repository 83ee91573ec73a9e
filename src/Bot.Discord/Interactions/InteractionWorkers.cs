using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>
/// The gateway path's consumer: takes each interaction from the <see cref="InteractionQueue"/> as soon as
/// it is there and hands it to the <see cref="InteractionDispatcher"/> (answering through the
/// <see cref="RestInitialResponder"/>) without waiting for the answer, so admission decides on arrival
/// (answer, defer at once, or busy) rather than after a wait in this queue; how many handlers run at once
/// is admission's business (<see cref="Admission.InteractionAdmission"/>). On stop it takes nothing new but
/// finishes what it took, until the host's shutdown timeout cancels it: a user whose command was taken
/// still gets an answer.
/// </summary>
public sealed partial class InteractionWorkers : BackgroundService
{
    private readonly InteractionQueue _queue;
    private readonly InteractionDispatcher _dispatcher;
    private readonly IInitialResponder _responder;
    private readonly int _handlers;
    private readonly ILogger<InteractionWorkers> _logger;

    // Cancelled only when the host's shutdown timeout runs out: the stopping token merely stops taking.
    private readonly CancellationTokenSource _abandon = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _stoppedTaking;

    public InteractionWorkers(
        InteractionQueue queue,
        InteractionDispatcher dispatcher,
        RestInitialResponder responder,
        IOptions<DiscordOptions> options,
        ILogger<InteractionWorkers> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _dispatcher = dispatcher;
        _responder = responder;
        _handlers = options.Value.Interactions.Workers;
        _logger = logger;
    }

    /// <summary>Interactions taken from the queue and not yet fully answered (waiting for a handler included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Raised after an interaction taken from the queue is let go (answered, failed or abandoned), on the thread that let it go.</summary>
    public event Action? InteractionFinished;

    /// <summary>Raised after <see cref="InFlight"/> changed (an interaction taken or let go), so an observer can await a count instead of polling it.</summary>
    public event Action? InFlightChanged;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (InFlight > 0)
            Log.Draining(_logger, InFlight);

        // The host cancels this token when its shutdown timeout is over: then stop answering at once.
        await using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abandon).ConfigureAwait(false))
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        // The base class returns as soon as the token fires, possibly before the registration above ran
        // (it would then be removed unrun): cancel here too, or abandoned dispatches would run on.
        if (cancellationToken.IsCancellationRequested)
            await _abandon.CancelAsync().ConfigureAwait(false);

        var left = _queue.Reader.CanCount ? _queue.Reader.Count : 0;
        if (left > 0)
        {
            // Not taken, not answered: by the next start they are far past Discord's 3-second window.
            Log.LeftInQueue(_logger, left);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.Started(_logger, _handlers);
        await TakeAsync(stoppingToken).ConfigureAwait(false);

        // Set before InFlight is read, and read by each dispatch after it counted itself out: whichever of
        // the two comes second sees the other, so the last dispatch's end is never missed.
        _stoppedTaking = true;
        if (InFlight > 0)
            await _drained.Task.ConfigureAwait(false);
    }

    private async Task TakeAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
                {
                    return; // the queue was completed: nothing will ever come
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Checked on every item: once stopping, nothing more is taken.
            while (!stoppingToken.IsCancellationRequested && reader.TryRead(out var incoming))
            {
                Interlocked.Increment(ref _inFlight);
                InFlightChanged?.Invoke();
                _ = DispatchAsync(incoming);
            }
        }
    }

    /// <summary>One interaction, answered in the background; never throws.</summary>
    private async Task DispatchAsync(IncomingInteraction incoming)
    {
        // Opened before the dispatch starts, so every line of its handling (and of its handler) carries it.
        using var scope = _logger.BeginScope(InteractionLogScope.For(incoming.Interaction));
        try
        {
            await _dispatcher.DispatchAsync(incoming, _responder, _abandon.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            Log.Abandoned(_logger, incoming.Interaction.Id);
        }
        catch (Exception exception)
        {
            // The dispatcher promises not to throw; if it ever does, it costs this one interaction.
            Log.WorkerCaught(_logger, incoming.Interaction.Id, exception);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && _stoppedTaking)
                _drained.TrySetResult();

            InteractionFinished?.Invoke();
            InFlightChanged?.Invoke();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Answering interactions: {Handlers} handlers run at once, the others wait their turn")]
        public static partial void Started(ILogger logger, int handlers);

        [LoggerMessage(2, LogLevel.Information, "Stopping: finishing {InFlight} interactions already taken")]
        public static partial void Draining(ILogger logger, int inFlight);

        [LoggerMessage(3, LogLevel.Warning, "Shutdown time ran out while answering interaction {InteractionId}; it was abandoned")]
        public static partial void Abandoned(ILogger logger, ulong interactionId);

        [LoggerMessage(4, LogLevel.Warning, "Stopped with {Count} interactions still queued; they go unanswered")]
        public static partial void LeftInQueue(ILogger logger, int count);

        [LoggerMessage(5, LogLevel.Error, "Answering interaction {InteractionId} failed unexpectedly")]
        public static partial void WorkerCaught(ILogger logger, ulong interactionId, Exception exception);
    }
}
