namespace Bot.Benchmarks.Overload;

/// <summary>Reads a process's resident memory four times a second while it lives, keeping the peak.</summary>
internal sealed class ResidentMemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakMb;

    public ResidentMemorySampler(int pid) => _sampling = SampleAsync(pid, _stop.Token);

    public long PeakMb => Interlocked.Read(ref _peakMb);

    public void Dispose()
    {
        _stop.Cancel();
        _sampling.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        _stop.Dispose();
    }

    private async Task SampleAsync(int pid, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = BotProcess.ResidentKilobytes(pid) / 1024;
            if (now > Interlocked.Read(ref _peakMb))
                Interlocked.Exchange(ref _peakMb, now);
            await Task.Delay(250, cancellationToken);
        }
    }
}
