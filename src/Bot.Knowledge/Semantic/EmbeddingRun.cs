namespace Bot.Knowledge.Semantic;

/// <summary>One run of embedding, counted on the injected clock and told to every listener as it goes.</summary>
internal sealed class EmbeddingRun
{
    private readonly IReadOnlyList<IEmbeddingProgressListener> listeners;
    private readonly TimeProvider time;
    private readonly long started;
    private readonly int total;
    private readonly int passages;
    private int done;

    public EmbeddingRun(int total, int passages, TimeProvider time, IReadOnlyList<IEmbeddingProgressListener> listeners)
    {
        this.total = total;
        this.passages = passages;
        this.time = time;
        this.listeners = listeners;
        started = time.GetTimestamp();
        Tell(0);
    }

    /// <summary>Counts <paramref name="texts"/> more texts embedded; thread-safe.</summary>
    public void Embedded(int texts) => Tell(Interlocked.Add(ref done, texts));

    private void Tell(int now)
    {
        var progress = new EmbeddingProgress(now, total, passages, time.GetElapsedTime(started));
        foreach (var listener in listeners)
            listener.Report(progress);
    }
}
