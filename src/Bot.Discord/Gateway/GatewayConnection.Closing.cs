namespace Bot.Discord.Gateway;

/// <summary>How a connection ends: the first decision wins, then a close frame and its answer, or a dropped socket.</summary>
internal sealed partial class GatewayConnection
{
    /// <summary>Records how the connection ends; true for the first decision, which is the one that counts.</summary>
    private bool Decide(ConnectionEnd end) => Interlocked.CompareExchange(ref _end, end, null) is null;

    /// <summary>Ends the connection from our side: a close frame (1000 only at shutdown), then the peer's answer or a timeout.</summary>
    private void End(ConnectionEnd end)
    {
        if (!Decide(end))
            return;

        if (end.Next == GatewayNextStep.Shutdown)
            GatewayLog.ShuttingDown(_logger);

        if (!Connected)
        {
            // Still connecting: there is no one to say goodbye to.
            Drop();
            return;
        }

        _closeTimer = _time.CreateTimer(_ => Drop(), null, _options.CloseTimeout, Timeout.InfiniteTimeSpan);
        _closing = CloseAsync(end.ClientCloseCode);
    }

    private async Task CloseAsync(int code)
    {
        try
        {
            await _transport.CloseAsync(code, "", _abort.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The close frame could not go out (not connected yet, or already broken): drop the link instead.
            Drop();
        }
    }

    private void Drop()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already finished.
        }
    }

    private async Task StopAsync()
    {
        _helloTimer?.Dispose();
        _resumeDeadline?.Dispose();
        await _heartbeatStop.CancelAsync().ConfigureAwait(false);
        await _heartbeats.ConfigureAwait(false);
        await _closing.ConfigureAwait(false);
        _closeTimer?.Dispose();
        _transport.Abort();
        _heartbeatStop.Dispose();
        _abort.Dispose();
    }
}
