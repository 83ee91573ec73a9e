namespace Bot.Knowledge.Semantic;

/// <summary>
/// Embeds many texts in small batches of similar length, on as many threads as there are cores,
/// and gives each text its own vector back in the order the texts came. The model pads a batch
/// to its longest text, so a paragraph batched with short sentences makes every sentence cost
/// as much as the paragraph: sorting by length first doubled the texts embedded per second.
/// </summary>
internal static class LengthSortedBatches
{
    /// <summary>Batches of 8 beat both 1 (per-call overhead) and 32 (more padding) on the 2-core machine.</summary>
    public const int BatchSize = 8;

    /// <param name="embedded">Called after each batch with how many texts it held, from the embedding threads.</param>
    /// <param name="background">
    /// Embed at a low priority (<see cref="BackgroundPriority"/>), on new threads only, while the bot
    /// answers by words; false when someone waits for the vectors (a command, a reload), on this thread too.
    /// </param>
    public static float[][] Embed(ITextEmbedder embedder, IReadOnlyList<string> texts, Action<int> embedded, CancellationToken cancellationToken, bool background = false)
    {
        if (texts.Count == 0)
            return [];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        var batches = (texts.Count + BatchSize - 1) / BatchSize;
        var next = -1;
        Exception? failure = null;

        void Work()
        {
            try
            {
                if (background)
                    BackgroundPriority.LowerCurrentThread();
                for (var b = Interlocked.Increment(ref next); b < batches && Volatile.Read(ref failure) is null; b = Interlocked.Increment(ref next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var members = byLength.AsSpan(b * BatchSize, Math.Min(BatchSize, texts.Count - b * BatchSize)).ToArray();
                    var batch = embedder.Embed(members.Select(i => texts[i]).ToArray(), cancellationToken);
                    for (var j = 0; j < members.Length; j++)
                        vectors[members[j]] = batch[j];
                    embedded(members.Length);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }

        // Threads of their own, not the thread pool's: an embedding run takes minutes of CPU, and
        // pool threads blocked in the model would hold up the requests the bot answers meanwhile.
        var threads = Math.Min(Environment.ProcessorCount, batches);
        var workers = Enumerable.Range(0, background ? threads : threads - 1)
            .Select(_ => new Thread(Work) { IsBackground = true, Name = "embedding" })
            .ToArray();
        foreach (var worker in workers)
            worker.Start();
        if (!background)
            Work();
        foreach (var worker in workers)
            worker.Join();
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return vectors;
    }
}
