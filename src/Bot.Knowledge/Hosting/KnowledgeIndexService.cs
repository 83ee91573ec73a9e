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
/// </summary>
public sealed class KnowledgeIndexService(
    KnowledgeSynchronizer synchronizer,
    KnowledgeStore store,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeIndexService> logger,
    KnowledgeMetrics? metrics = null) : BackgroundService
{
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private FileSystemWatcher? watcher;

    /// <summary>Indexing happens here, not in ExecuteAsync, so the index is ready before later services start.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var report = synchronizer.Synchronize();
        logger.LogInformation(
            "Knowledge ready from {Folder} in {Elapsed:0} ms: {Added} added, {Updated} changed, {Removed} removed, {Unchanged} reused, {Skipped} skipped",
            synchronizer.Folder, time.GetElapsedTime(started).TotalMilliseconds, report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped.Count);

        if (options.Value.Watch)
        {
            // A long-running bot loads its sentence model now, not on the first member's question.
            if (store.Embedder is { } embedder)
            {
                var loading = time.GetTimestamp();
                embedder.Embed(["warm-up"], cancellationToken);
                logger.LogInformation("Sentence model {Model} ready in {Elapsed:0} ms", embedder.ModelId, time.GetElapsedTime(loading).TotalMilliseconds);
            }

            // And one question through the whole answer path: the fitted scorer is loaded (a model
            // file that does not fit this build stops start-up here, with what to do), and the
            // member who asks first does not wait for it.
            var warming = time.GetTimestamp();
            new Answering.AnswerEngine(store).Ask("Who directed the documentary?");
            logger.LogDebug("Answer path ready in {Elapsed:0} ms", time.GetElapsedTime(warming).TotalMilliseconds);

            watcher = StartWatcher();
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
            return;

        var settings = options.Value;
        var problems = new ReloadProblems(synchronizer.Folder, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await WaitForChangeOrPoll(settings.PollInterval, stoppingToken))
                    await Task.Delay(settings.ReloadDebounce, time, stoppingToken);
                changes.Reader.TryRead(out _); // events during the debounce belong to this reload
                if (synchronizer.Synchronize().Changed)
                    metrics?.Reloaded(applied: true);
                problems.Succeeded();
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

    public override void Dispose()
    {
        watcher?.Dispose();
        base.Dispose();
    }

    private async Task<bool> WaitForChangeOrPoll(TimeSpan poll, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await changes.Reader.ReadAsync(either.Token);
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
            FileSystemEventHandler signal = (_, _) => changes.Writer.TryWrite(true);
            fsw.Changed += signal;
            fsw.Created += signal;
            fsw.Deleted += signal;
            fsw.Renamed += (_, _) => changes.Writer.TryWrite(true);
            fsw.Error += (_, e) => logger.LogWarning(e.GetException(), "Watching {Folder} failed; relying on polling", synchronizer.Folder);
            fsw.EnableRaisingEvents = true;
            return fsw;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.LogWarning(e, "Cannot watch {Folder}; changes are picked up by polling every {Interval}", synchronizer.Folder, options.Value.PollInterval);
            return null;
        }
    }
}
