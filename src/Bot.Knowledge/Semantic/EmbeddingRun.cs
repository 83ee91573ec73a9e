namespace Bot.Knowledge.Semantic;

/// <summary>One run of embedding, counted on the injected clock and told to every listener as it goes.</summary>
internal sealed class EmbeddingRun
{
    private readonly IReadOnlyList<IEmbeddingProgressListener> _listeners;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly int _total;
    private readonly int _passages;
    private int _done;

    public EmbeddingRun(int total, int passages, TimeProvider time, IReadOnlyList<IEmbeddingProgressListener> listeners)
    {
        _total = total;
        _passages = passages;
        _time = time;
        _listeners = listeners;
        _started = time.GetTimestamp();
        Tell(0);
    }

    /// <summary>Counts <paramref name="texts"/> more texts embedded; thread-safe.</summary>
    public void Embedded(int texts) => Tell(Interlocked.Add(ref _done, texts));

    private void Tell(int now)
    {
        var progress = new EmbeddingProgress(now, _total, _passages, _time.GetElapsedTime(_started));
        foreach (var listener in _listeners)
            listener.Report(progress);
    }
}
