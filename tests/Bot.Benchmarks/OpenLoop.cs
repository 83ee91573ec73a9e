using System.Diagnostics;

namespace Bot.Benchmarks;

/// <summary>An open-loop schedule: the i-th send is due i / rate seconds after the start, whatever became of the earlier ones.</summary>
internal static class OpenLoop
{
    /// <summary>
    /// Waits until send <paramref name="index"/> is due on <paramref name="clock"/>; returns the larger of
    /// <paramref name="lag"/> and how far behind its schedule it is.
    /// </summary>
    public static async Task<TimeSpan> WaitTurnAsync(Stopwatch clock, int index, int rate, TimeSpan lag)
    {
        var due = TimeSpan.FromSeconds(index / (double)rate);
        if (due > clock.Elapsed)
            await Task.Delay(due - clock.Elapsed);
        if (clock.Elapsed - due > lag)
            lag = clock.Elapsed - due;
        return lag;
    }
}
