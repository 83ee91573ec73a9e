using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Http;

/// <summary>
/// The dispatches the endpoint started and did not wait for: after the initial response is written, a
/// deferred interaction's handler still runs and edits <c>@original</c>. On graceful shutdown they are
/// given until the host's shutdown timeout to finish, then cancelled.
/// </summary>
/// <remarks>
/// The wait is in <see cref="StoppedAsync"/>, which the host calls after every service's
/// <see cref="StopAsync"/>, so after Kestrel has stopped taking requests and finished the ones it had:
/// no dispatch can start once the wait has begun. The host passes every stop step the same token,
/// cancelled at its <c>ShutdownTimeout</c>.
/// </remarks>
public sealed partial class InFlightInteractions : IHostedLifecycleService, IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly ILogger<InFlightInteractions> _logger;
    private long _next;

    public InFlightInteractions(ILogger<InFlightInteractions> logger) => _logger = logger;

    /// <summary>Dispatches still running.</summary>
    public int Count => _running.Count;

    /// <summary>
    /// Runs <paramref name="work"/> in the background, tracked until it ends. Its token is cancelled when
    /// shutdown stops waiting for it. The returned task completes when the work ends and never faults.
    /// </summary>
    public Task Run(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var id = Interlocked.Increment(ref _next);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Registered before it starts, so a drain that begins right after this call sees it.
        _running[id] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await work(_abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                // Shutdown gave up on it; already logged by the drain.
            }
            catch (Exception exception)
            {
                Log.WorkFailed(_logger, exception);
            }
            finally
            {
                _running.TryRemove(id, out _);
                done.TrySetResult();
            }
        });
        return done.Task;
    }

    /// <summary>Waits until nothing runs; when <paramref name="cancellationToken"/> fires first, cancels what still runs.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_running.IsEmpty)
            return;

        Log.Draining(_logger, _running.Count);
        try
        {
            // Loop: work started while we waited (only possible when the drain runs before the server stopped) is waited for too.
            while (!_running.IsEmpty)
            {
                await Task.WhenAll(_running.Values.ToArray()).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            Log.Drained(_logger);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Abandoned(_logger, _running.Count);
            await _abandon.CancelAsync().ConfigureAwait(false);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    public void Dispose() => _abandon.Dispose();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Shutting down: waiting for {Count} interactions still being answered")]
        public static partial void Draining(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Information, "Every interaction in flight was answered")]
        public static partial void Drained(ILogger logger);

        [LoggerMessage(3, LogLevel.Warning, "Shutdown timeout reached: cancelling {Count} interactions still being answered")]
        public static partial void Abandoned(ILogger logger, int count);

        [LoggerMessage(4, LogLevel.Error, "A background interaction dispatch failed")]
        public static partial void WorkFailed(ILogger logger, Exception exception);
    }
}
