using BenchmarkDotNet.Attributes;
using Bot.Embeddings.MiniLM;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Benchmarks;

/// <summary>Whether a hybrid question runs the sentence model or finds its embedding cached.</summary>
public enum QuestionKind
{
    /// <summary>The store's question cache is off (size 0): every call embeds its question, as a question nobody asked before does.</summary>
    Distinct,
    /// <summary>The cache is on (the bot's default, 1,024) and holds every dev question after warm-up: a question asked again.</summary>
    Repeated,
}

/// <summary>
/// Warm latency of one hybrid <see cref="AnswerEngine.Ask"/> (BM25 fused with MiniLM cosine), one
/// dev question per measured iteration, as <see cref="AskBenchmarks"/> does for the lexical path.
/// The model is the bot's: <see cref="MiniLmEmbedder"/> with one inference per core at most.
/// On <see cref="Corpus.Generated10k"/> the stored passage and sentence vectors are
/// <see cref="SyntheticEmbedder"/>'s (embedding 10,000 passages for real takes ~18 minutes; see
/// <c>--embed-corpus</c>); questions are embedded by the real model either way.
/// </summary>
[Config(typeof(LatencyConfig))]
public class HybridAskBenchmarks
{
    private HybridSetup? _setup;
    private AnswerEngine? _engine;
    private QuestionCycle? _questions;

    [Params(Corpus.Shipped, Corpus.Generated10k)]
    public Corpus Corpus { get; set; }

    [Params(QuestionKind.Distinct, QuestionKind.Repeated)]
    public QuestionKind Questions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _setup = new HybridSetup(Corpus);
        var store = _setup.Open(Questions == QuestionKind.Distinct ? 0 : 1024);
        _engine = new AnswerEngine(store);
        if (_engine.DefaultMode != RetrievalMode.Hybrid)
            throw new InvalidOperationException($"The engine would answer {_engine.DefaultMode}, not hybrid.");
        var questions = BenchmarkInputs.Questions.ToArray();
        var answered = AskSetup.Warm(_engine, questions);
        Console.WriteLine($"// {Corpus}, {Questions}: {answered} of {questions.Length} dev questions answered (hybrid); model calls so far {_setup.Model.Calls:N0}");
        _questions = new QuestionCycle(questions);
    }

    [Benchmark]
    public Answer Ask() => _engine!.Ask(_questions!.Next());

    [GlobalCleanup]
    public void Cleanup() => _setup?.Dispose();
}

/// <summary>
/// A restart with the sentence model on an unchanged folder: reopen the index built (with vectors)
/// in GlobalSetup and synchronise, in a process whose model is already loaded. Every iteration is
/// checked to have embedded nothing (a <see cref="CountingEmbedder"/> around the model) and to report
/// every file unchanged. <see cref="RestartThenFirstHybridAnswer"/> also answers one question, which
/// embeds it and loads the new snapshot's vectors: the first member's wait after a restart.
/// </summary>
[Config(typeof(BuildConfig))]
public class HybridRestartBenchmarks
{
    private HybridSetup? _setup;
    private KnowledgeStore? _opened;
    private string _question = "";
    private int _files;

    [Params(Corpus.Shipped, Corpus.Generated10k)]
    public Corpus Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _setup = new HybridSetup(Corpus);
        _question = BenchmarkInputs.Questions[0];
        _files = _setup.Files;
    }

    [IterationSetup]
    public void ResetCount() => _setup!.Model.Reset();

    [Benchmark]
    public SyncReport RestartUnchanged()
    {
        var (store, report) = _setup!.Scratch.OpenAndSynchronize(_setup.IndexFolder, _setup.Model);
        _opened = store;
        return report;
    }

    [Benchmark]
    public Answer RestartThenFirstHybridAnswer()
    {
        var (store, _) = _setup!.Scratch.OpenAndSynchronize(_setup.IndexFolder, _setup.Model);
        _opened = store;
        return new AnswerEngine(store).Ask(_question, mode: RetrievalMode.Hybrid);
    }

    [IterationCleanup]
    public void CheckAndClose()
    {
        var store = _opened;
        _opened = null;
        store?.Dispose();
        // The answer embeds its one question; the restart itself must embed nothing.
        if (_setup!.Model.Texts > 1)
            throw new InvalidOperationException($"A restart on the unchanged folder embedded {_setup.Model.Texts} texts.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _opened?.Dispose();
        _setup?.Dispose();
        Console.WriteLine($"// {Corpus}: {_files} files; every restart embedded nothing");
    }
}

/// <summary>
/// Model load at start-up: from <c>new MiniLmEmbedder(...)</c> to the first embedding returned, as the
/// first model code in a fresh process (so loading libonnxruntime, reading the model out of its 91 MB
/// assembly, creating the ONNX Runtime session, JIT and the first inference are all in it).
/// <c>--model-load</c> splits the same time into its steps.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class ModelLoadBenchmarks
{
    private MiniLmEmbedder? _embedder;

    [Benchmark]
    public float[][] FirstEmbeddingInNewProcess()
    {
        _embedder = new MiniLmEmbedder(Environment.ProcessorCount);
        return _embedder.Embed(["Who directed Beyond Utopia?"]);
    }

    [GlobalCleanup]
    public void Cleanup() => _embedder?.Dispose();
}

/// <summary>
/// A scratch knowledge folder and an on-disk index with vectors, built with the real model
/// (shipped knowledge) or with <see cref="SyntheticEmbedder"/> vectors (the 10k corpus), and the
/// real model, loaded and warm, behind a <see cref="CountingEmbedder"/> for opening stores on it.
/// </summary>
internal sealed class HybridSetup : IDisposable
{
    private readonly MiniLmEmbedder _model = new(Environment.ProcessorCount);
    private readonly List<KnowledgeStore> _stores = [];

    public HybridSetup(Corpus corpus)
    {
        Scratch = new ScratchFolder(corpus);
        Model = new CountingEmbedder(_model);
        Model.Embed(["warm-up"]); // loads the model
        IndexFolder = Scratch.NewIndexFolder();
        var (built, report) = corpus == Corpus.Generated10k
            ? Scratch.OpenAndSynchronize(IndexFolder, new SyntheticEmbedder())
            : Scratch.OpenAndSynchronize(IndexFolder, Model);
        built.Dispose();
        Files = report.Added;
        Model.Reset();
    }

    public ScratchFolder Scratch { get; }

    public string IndexFolder { get; }

    /// <summary>The real model, counted.</summary>
    public CountingEmbedder Model { get; }

    public int Files { get; }

    /// <summary>A store on the built index with the real model; checked to have embedded nothing on opening.</summary>
    public KnowledgeStore Open(int questionCacheSize)
    {
        var before = Model.Texts;
        var (store, report) = Scratch.OpenAndSynchronize(IndexFolder, Model, questionCacheSize);
        _stores.Add(store);
        if (Model.Texts != before || report.Unchanged != Files)
            throw new InvalidOperationException($"Opening the built index re-embedded or re-indexed: {report}");
        return store;
    }

    /// <summary>
    /// Another store on <paramref name="opened"/>'s index (one process cannot open the folder twice),
    /// with its own question cache; synchronised so it has the synonyms. Not disposed separately.
    /// </summary>
    public KnowledgeStore Share(KnowledgeStore opened, int questionCacheSize)
    {
        var before = Model.Texts;
        var store = new KnowledgeStore(opened.Index, Model, questionCacheSize);
        var report = new KnowledgeSynchronizer(store, Scratch.KnowledgeFolder, ScratchFolder.MaxFileBytes, NullLogger.Instance).Synchronize();
        if (Model.Texts != before || report.Unchanged != Files)
            throw new InvalidOperationException($"Opening the built index re-embedded or re-indexed: {report}");
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
            store.Dispose();
        _model.Dispose();
        Scratch.Dispose();
    }
}
