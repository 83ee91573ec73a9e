using System.Threading.Channels;
using Bot.Knowledge.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Hosting;

/// <summary>
/// Builds (or reuses) the index before anything else starts, then keeps it in line with the
/// knowledge folder: file-system events trigger a reload after a short debounce, and a slow
/// poll catches what events miss. Searches are served from the previous snapshot meanwhile.
/// A long-running bot indexes the words at start and answers by them at once; the vectors
/// are built in the background and swapped in when every passage has them.
/// </summary>
public sealed partial class KnowledgeIndexService(
    KnowledgeSynchronizer synchronizer,
    KnowledgeStore store,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeIndexService> logger,
    KnowledgeMetrics? metrics = null) : BackgroundService
{
    private const string WarmUpQuestion = "Who directed the documentary?";

    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _vectorsWanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? _watcher;

    /// <summary>
    /// Indexing happens here, not in ExecuteAsync, so the index is ready before later services start.
    /// A one-shot command waits for the vectors too; a watching bot only for the words.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var report = synchronizer.Synchronize(deferVectors: options.Value.Watch);
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.KnowledgeReady(
                logger, synchronizer.Folder, time.GetElapsedTime(started).TotalMilliseconds,
                report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped.Count);
        }

        if (options.Value.Watch)
        {
            if (store.Index.Manifest.Unembedded.Count > 0)
            {
                Log.AnsweringByWords(logger, store.Index.Manifest.Unembedded.Count);
                _vectorsWanted.Writer.TryWrite(true);
            }
            else if (store.Embedder is { } embedder)
            {
                // A long-running bot loads its sentence model now, not on the first member's question.
                var loading = time.GetTimestamp();
                embedder.Embed(["warm-up"], cancellationToken);
                if (logger.IsEnabled(LogLevel.Information))
                    Log.SentenceModelReady(logger, embedder.ModelId, time.GetElapsedTime(loading).TotalMilliseconds);
            }

            // And one question through the whole answer path: the fitted scorer is loaded (a model
            // file that does not fit this build stops start-up here, with what to do), and the
            // member who asks first does not wait for it.
            var warming = time.GetTimestamp();
            new Answering.AnswerEngine(store).Ask(WarmUpQuestion);
            if (logger.IsEnabled(LogLevel.Debug))
                Log.AnswerPathReady(logger, time.GetElapsedTime(warming).TotalMilliseconds);

            _watcher = StartWatcher();
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
            return;
        await Task.WhenAll(ReloadAsync(stoppingToken), FillVectorsAsync(stoppingToken));
    }

    private async Task ReloadAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var problems = new ReloadProblems(synchronizer.Folder, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await WaitForChangeOrPoll(settings.PollInterval, stoppingToken))
                    await Task.Delay(settings.ReloadDebounce, time, stoppingToken);
                _changes.Reader.TryRead(out _); // events during the debounce belong to this reload
                var report = synchronizer.Synchronize(deferVectors: true);
                if (report.Changed)
                    metrics?.Reloaded(applied: true);
                problems.Succeeded();
                if (report.Changed && store.Index.Manifest.Unembedded.Count > 0)
                    _vectorsWanted.Writer.TryWrite(true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The previous snapshot keeps answering; the next change or poll tries again.
                problems.Failed(e);
                metrics?.Reloaded(applied: false);
            }
        }
    }

    /// <summary>
    /// Builds the vectors the words are waiting for, on a thread of its own (minutes of CPU at 10,000
    /// passages), while questions are answered by words. A failure is logged and tried again at the
    /// next change of the folder, not at every poll.
    /// </summary>
    private async Task FillVectorsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _vectorsWanted.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var embedded = await Task.Factory.StartNew(
                        () => synchronizer.FillVectors(background: true, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    // The first question by meaning loads every passage's vectors: let it not be a member's.
                    if (embedded > 0 && store.State == IndexState.Hybrid)
                        new Answering.AnswerEngine(store).Ask(WarmUpQuestion);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.VectorsFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the vectors committed so far are kept, and the next start continues from them.
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    private async Task<bool> WaitForChangeOrPoll(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _changes.Reader.ReadAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private FileSystemWatcher? StartWatcher()
    {
        try
        {
            var fsw = new FileSystemWatcher(synchronizer.Folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            FileSystemEventHandler signal = (_, _) => _changes.Writer.TryWrite(true);
            fsw.Changed += signal;
            fsw.Created += signal;
            fsw.Deleted += signal;
            fsw.Renamed += (_, _) => _changes.Writer.TryWrite(true);
            fsw.Error += (_, e) => Log.WatchFailed(logger, e.GetException(), synchronizer.Folder);
            fsw.EnableRaisingEvents = true;
            return fsw;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            Log.CannotWatch(logger, e, synchronizer.Folder, options.Value.PollInterval);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Answering by words while the vectors of {Files} files are built in the background")]
        public static partial void AnsweringByWords(ILogger logger, int files);

        [LoggerMessage(2, LogLevel.Error, "Building the vectors failed; answering by words until the knowledge folder changes, then trying again")]
        public static partial void VectorsFailed(ILogger logger, Exception exception);

        [LoggerMessage(3, LogLevel.Information, "Knowledge ready from {Folder} in {Elapsed:0} ms: {Added} added, {Updated} changed, {Removed} removed, {Unchanged} reused, {Skipped} skipped")]
        public static partial void KnowledgeReady(ILogger logger, string folder, double elapsed, int added, int updated, int removed, int unchanged, int skipped);

        [LoggerMessage(4, LogLevel.Information, "Sentence model {Model} ready in {Elapsed:0} ms")]
        public static partial void SentenceModelReady(ILogger logger, string model, double elapsed);

        [LoggerMessage(5, LogLevel.Debug, "Answer path ready in {Elapsed:0} ms")]
        public static partial void AnswerPathReady(ILogger logger, double elapsed);

        [LoggerMessage(6, LogLevel.Warning, "Watching {Folder} failed; relying on polling")]
        public static partial void WatchFailed(ILogger logger, Exception exception, string folder);

        [LoggerMessage(7, LogLevel.Warning, "Cannot watch {Folder}; changes are picked up by polling every {Interval}")]
        public static partial void CannotWatch(ILogger logger, Exception exception, string folder, TimeSpan interval);
    }
}
