using System.Runtime.InteropServices;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// Lowers the scheduling priority of a thread that embeds in the background, so the bot's answers
/// by words, which need a few milliseconds of CPU, are not queued behind minutes of inference on
/// every core. .NET ignores <see cref="Thread.Priority"/> on Linux, so there the thread's nice
/// value is raised (which needs no privilege); elsewhere the managed priority is used.
/// </summary>
internal static class BackgroundPriority
{
    /// <summary>Nice 10: about a tenth of a core's share against a thread at the default 0, all of an idle core.</summary>
    private const int Nice = 10;

    private const int PrioProcess = 0;

    /// <summary>Lowers the calling thread's priority for as long as it lives: call it only on a thread of your own.</summary>
    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return;
        }

        try
        {
            // With PRIO_PROCESS and a thread id, Linux sets that thread's nice value alone.
            _ = SetPriority(PrioProcess, GetThreadId(), Nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: the embedding still runs, at normal priority.
        }
    }

    // Plain ints in and out: nothing to marshal, so the classic import needs no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
