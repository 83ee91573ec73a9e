using System.Diagnostics;

namespace Bot.Benchmarks.Overload;

/// <summary>CPU time so far of the bot, of this process and of the whole machine, to tell who used the cores meanwhile.</summary>
internal readonly record struct CpuReading(double Bot, double Own, double Machine, long At)
{
    public static CpuReading Take(int botPid) =>
        new(BotProcess.CpuSeconds(botPid), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, BotProcess.MachineBusySeconds(), Stopwatch.GetTimestamp());

    /// <summary>Cores each kept busy on average since this reading.</summary>
    public (double Bot, double Own, double Machine) CoresSince(int botPid)
    {
        var now = Take(botPid);
        var seconds = Stopwatch.GetElapsedTime(At, now.At).TotalSeconds;
        return ((now.Bot - Bot) / seconds, (now.Own - Own) / seconds, (now.Machine - Machine) / seconds);
    }
}
