// Not a benchmark: a .NET startup hook that measure-memory.sh loads into the real bot
// (DOTNET_STARTUP_HOOKS=.../Bot.Benchmarks.dll) to show what one of the fixes suggested in
// docs/PERFORMANCE.md would save without changing src/: when the file named by
// BOT_BENCH_GC_TRIGGER appears, it runs one aggressive full GC (which also returns the freed
// memory to the OS), as MiniLmEmbedder could right after creating the ONNX Runtime session,
// then writes "<trigger>.done". Does nothing unless BOT_BENCH_GC_TRIGGER is set.

/// <summary>The runtime looks for a type of this name, in no namespace, with a static <c>Initialize</c>.</summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var trigger = Environment.GetEnvironmentVariable("BOT_BENCH_GC_TRIGGER");
        if (string.IsNullOrEmpty(trigger))
            return;
        new Thread(() =>
        {
            while (!File.Exists(trigger))
                Thread.Sleep(100);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            File.WriteAllText(trigger + ".done", "");
        })
        { IsBackground = true, Name = "bench-gc-trigger" }.Start();
    }
}
