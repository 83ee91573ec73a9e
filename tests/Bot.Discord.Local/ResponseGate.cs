namespace Bot.Discord.Local;

/// <summary>Holds one request at the server until <see cref="Release"/>.</summary>
public sealed class ResponseGate
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held request has arrived.</summary>
    public Task Arrived => _arrived.Task;

    internal Task Released => _released.Task;

    public void Release() => _released.TrySetResult();

    internal void SignalArrived() => _arrived.TrySetResult();
}
