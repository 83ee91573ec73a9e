using BenchmarkDotNet.Attributes;
using Bot.Knowledge;
using Bot.Knowledge.Indexing;

namespace Bot.Benchmarks;

/// <summary>
/// Time from opening the on-disk index to having it in line with the knowledge folder, which is
/// when the bot can answer: from scratch into an empty folder, and on a restart with nothing
/// changed (the manifest in the last commit lets every file count as unchanged). Disposing the
/// index (which waits for background merges) happens in IterationCleanup, outside the timing.
/// </summary>
[Config(typeof(BuildConfig))]
public class BuildBenchmarks
{
    private ScratchFolder? _scratch;
    private string _existingIndex = "";
    private string _freshIndex = "";
    private KnowledgeStore? _opened;
    private int _expectedFiles;

    [Params(Corpus.Shipped, Corpus.Generated10k)]
    public Corpus Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scratch = new ScratchFolder(Corpus);
        _existingIndex = _scratch.NewIndexFolder();
        var (store, report) = _scratch.OpenAndSynchronize(_existingIndex);
        store.Dispose();
        _expectedFiles = report.Added;

        // The restart benchmark is only meaningful if a restart really finds nothing to do.
        var (again, restart) = _scratch.OpenAndSynchronize(_existingIndex);
        again.Dispose();
        if (restart.Added + restart.Updated + restart.Removed != 0 || restart.Unchanged != _expectedFiles)
            throw new InvalidOperationException($"A restart on an unchanged folder re-indexed files: {restart}");
        Console.WriteLine($"// {Corpus}: {_expectedFiles} files; restart reports {restart.Unchanged} unchanged");
    }

    [IterationSetup(Target = nameof(BuildFromScratch))]
    public void NewEmptyFolder() => _freshIndex = _scratch!.NewIndexFolder();

    [Benchmark]
    public SyncReport BuildFromScratch()
    {
        var (store, report) = _scratch!.OpenAndSynchronize(_freshIndex);
        _opened = store;
        return report;
    }

    [IterationCleanup(Target = nameof(BuildFromScratch))]
    public void DeleteBuiltIndex()
    {
        CloseOpened();
        Directory.Delete(_freshIndex, recursive: true);
    }

    [Benchmark]
    public SyncReport RestartUnchanged()
    {
        var (store, report) = _scratch!.OpenAndSynchronize(_existingIndex);
        _opened = store;
        return report;
    }

    [IterationCleanup(Target = nameof(RestartUnchanged))]
    public void CloseRestarted() => CloseOpened();

    [GlobalCleanup]
    public void Cleanup()
    {
        CloseOpened();
        _scratch?.Dispose();
    }

    private void CloseOpened()
    {
        _opened?.Dispose();
        _opened = null;
    }
}

/// <summary>
/// The build as the bot meets it at its first start: the first Lucene and Bot.Knowledge code to
/// run in a fresh process, so JIT compilation and type loading are part of the time. Each launch
/// is a new process that measures one build; GlobalSetup only writes the knowledge files.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class ColdBuildBenchmarks
{
    private ScratchFolder? _scratch;
    private string _freshIndex = "";
    private KnowledgeStore? _opened;

    [Params(Corpus.Shipped, Corpus.Generated10k)]
    public Corpus Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scratch = new ScratchFolder(Corpus);
        _freshIndex = _scratch.NewIndexFolder();
    }

    [Benchmark]
    public SyncReport FirstBuildInNewProcess()
    {
        var (store, report) = _scratch!.OpenAndSynchronize(_freshIndex);
        _opened = store;
        return report;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _opened?.Dispose();
        _scratch?.Dispose();
    }
}
