using System.Collections.Concurrent;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Runs replies' <see cref="InteractionReply.AfterSent"/> steps in the background, each given the
/// message the dispatcher delivered, outside the dispatch (whose handler token is cancelled once the
/// reply is out); all are cancelled when the dispatcher is disposed, as the host stops. What a step
/// returns goes to the invoker alone as a follow-up.
/// </summary>
internal sealed class AfterSendWork(ResponseFollowUps followUps, TimeProvider time, ILogger logger) : IAsyncDisposable, IDisposable
{
    // Never disposed: it holds no timer, and a step may still be checking it as the host goes.
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();
    private int _running;

    /// <summary>Steps started and not finished yet (counted down before a step's task completes).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Starts <paramref name="step"/> for <paramref name="message"/>; returns at once.</summary>
    public void Start(DispatchCall call, Func<Message, CancellationToken, ValueTask<InteractionCallbackData?>> step, Message message)
    {
        if (_stopping.IsCancellationRequested)
            return;

        Interlocked.Increment(ref _running);
        var task = Task.Run(
            async () =>
            {
                try
                {
                    await RunAsync(call, step, message, _stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _running);
                }
            },
            CancellationToken.None);
        _tasks[task] = 0;
        task.ContinueWith(t => _tasks.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until no step is running.</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var tasks = _tasks.Keys.ToArray();
        if (tasks.Length > 0)
            await Task.WhenAll(tasks).WaitAsync(timeout, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Cancels the steps still running without waiting for them (a container disposed synchronously).</summary>
    public void Dispose() => _stopping.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await WhenIdleAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    private async Task RunAsync(
        DispatchCall call, Func<Message, CancellationToken, ValueTask<InteractionCallbackData?>> step, Message message, CancellationToken cancellationToken)
    {
        try
        {
            if (await step(message, cancellationToken).ConfigureAwait(false) is { } notice)
                await followUps.SendEphemeralAsync(call, notice, cancellationToken).ConfigureAwait(false);
            DispatchLog.AfterSentDone(logger, call.Id, call.Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception exception)
        {
            DispatchLog.AfterSentFailed(logger, call.Id, call.Name, exception);
        }
    }
}
