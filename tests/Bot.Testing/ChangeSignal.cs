namespace Bot.Testing;

/// <summary>
/// Lets a test await a condition on a test double's state (the local Discord, a captured log, a bot process) instead of polling it on the clock:
/// whatever changes that state calls <see cref="Notify"/>, and a waiter re-checks its condition
/// only then. The timeout is only a bound on failure, never a pause a passing test sits through.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised on every <see cref="Notify"/>, for a waiter that keeps its own signal.</summary>
    public event Action? Notified;

    /// <summary>Wakes every waiter to check its condition again.</summary>
    public void Notify()
    {
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Notified?.Invoke();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking it each time the event that
    /// <paramref name="subscribe"/> hooks fires (a logger's, a status object's).
    /// </summary>
    public static async Task WaitUntilAsync(Action<Action> subscribe, Action<Action> unsubscribe, Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var changed = new ChangeSignal();
        subscribe(changed.Notify);
        try
        {
            await changed.WaitUntilAsync(condition, timeout, describe);
        }
        finally
        {
            unsubscribe(changed.Notify);
        }
    }

    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>; the message is <paramref name="describe"/>'s.</exception>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, describe);

    /// <summary>As the other overload, for a condition that must ask something to know (an HTTP probe).</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        using var bound = new CancellationTokenSource(timeout);
        while (true)
        {
            // Taken before the check, so a change between the check and the wait still wakes us.
            var changed = Volatile.Read(ref _next).Task;
            if (await condition())
                return;
            try
            {
                await changed.WaitAsync(bound.Token);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                if (await condition())
                    return;
                throw new TimeoutException(describe());
            }
        }
    }
}
