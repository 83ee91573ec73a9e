using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Support;

/// <summary>
/// The real model behind a gate the test holds: every call waits until the gate is opened, so a
/// test can look at the bot while its vectors are still being built, for as long as it likes.
/// </summary>
internal sealed class GatedEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ManualResetEventSlim _gate = new(initialState: false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    /// <summary>Completes when the first call reaches the gate: embedding has begun and is held there.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.Set();

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        _entered.TrySetResult();
        _gate.Wait(cancellationToken);
        return inner.Embed(texts, cancellationToken);
    }
}

/// <summary>The real model, keeping every batch it was given: how a test sees how texts were batched.</summary>
internal sealed class RecordingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string[]> _batches = new();

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public IReadOnlyList<string[]> Batches => _batches.ToArray();

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        _batches.Enqueue(texts.ToArray());
        return inner.Embed(texts, cancellationToken);
    }
}
