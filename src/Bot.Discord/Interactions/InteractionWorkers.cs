using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>
/// The gateway path's consumers: <see cref="InteractionOptions.Workers"/> loops that take interactions
/// from the <see cref="InteractionQueue"/> and answer each through the <see cref="InteractionDispatcher"/>
/// and the <see cref="RestInitialResponder"/>. On stop they take nothing new but finish what they hold,
/// until the host's shutdown timeout cancels it: a user whose command was taken still gets an answer.
/// </summary>
public sealed partial class InteractionWorkers : BackgroundService
{
    private readonly InteractionQueue _queue;
    private readonly InteractionDispatcher _dispatcher;
    private readonly IInitialResponder _responder;
    private readonly int _workerCount;
    private readonly ILogger<InteractionWorkers> _logger;
    private readonly WorkerProgress? _progress;

    // Cancelled only when the host's shutdown timeout runs out: the stopping token merely stops taking.
    private readonly CancellationTokenSource _abandon = new();
    private int _inFlight;

    /// <param name="progress">Told whenever a worker finishes an interaction, for the liveness probe; nothing when null.</param>
    public InteractionWorkers(
        InteractionQueue queue,
        InteractionDispatcher dispatcher,
        RestInitialResponder responder,
        IOptions<DiscordOptions> options,
        ILogger<InteractionWorkers> logger,
        WorkerProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _dispatcher = dispatcher;
        _responder = responder;
        _workerCount = options.Value.Interactions.Workers;
        _logger = logger;
        _progress = progress;
    }

    /// <summary>Interactions taken from the queue and not yet fully answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (InFlight > 0)
        {
            Log.Draining(_logger, InFlight);
        }

        // The host cancels this token when its shutdown timeout is over: then stop answering at once.
        await using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abandon).ConfigureAwait(false))
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        // The base class returns as soon as the token fires, possibly before the registration above ran
        // (it would then be removed unrun): cancel here too, or abandoned dispatches would run on.
        if (cancellationToken.IsCancellationRequested)
        {
            await _abandon.CancelAsync().ConfigureAwait(false);
        }

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

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.Started(_logger, _workerCount);
        var workers = new Task[_workerCount];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = RunWorkerAsync(stoppingToken);
        }

        return Task.WhenAll(workers);
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
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

            // Checked again after the wait: once stopping, only what was already taken is finished.
            if (stoppingToken.IsCancellationRequested || !reader.TryRead(out var incoming))
            {
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            using var scope = _logger.BeginScope(InteractionLogScope.For(incoming.Interaction));
            try
            {
                await _dispatcher.DispatchAsync(incoming, _responder, _abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                Log.Abandoned(_logger, incoming.Interaction.Id);
                return;
            }
            catch (Exception exception)
            {
                // The dispatcher promises not to throw; if it ever does, this worker still serves the next one.
                Log.WorkerCaught(_logger, incoming.Interaction.Id, exception);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                _progress?.Finished();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Answering interactions with {Workers} workers")]
        public static partial void Started(ILogger logger, int workers);

        [LoggerMessage(2, LogLevel.Information, "Stopping: finishing {InFlight} interactions already taken")]
        public static partial void Draining(ILogger logger, int inFlight);

        [LoggerMessage(3, LogLevel.Warning, "Shutdown time ran out while answering interaction {InteractionId}; it was abandoned")]
        public static partial void Abandoned(ILogger logger, ulong interactionId);

        [LoggerMessage(4, LogLevel.Warning, "Stopped with {Count} interactions still queued; they go unanswered")]
        public static partial void LeftInQueue(ILogger logger, int count);

        [LoggerMessage(5, LogLevel.Error, "An interaction worker caught a failure while answering interaction {InteractionId}")]
        public static partial void WorkerCaught(ILogger logger, ulong interactionId, Exception exception);
    }
}
