using Bot.Knowledge.Analysis;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge;

/// <summary>
/// Brings the index in line with the knowledge folder: parses new and changed files, removes
/// deleted ones, reloads the synonym file. A file that cannot be read or parsed is logged with
/// its path and the reason and skipped; if an earlier version of it was indexed, that version
/// keeps answering until the file is fixed or deleted, so a half-saved edit loses nothing.
/// Passages are written by their words first and get their vectors afterwards
/// (<c>KnowledgeSynchronizer.Vectors.cs</c>), so a cold start on a large folder answers by words
/// within seconds instead of waiting minutes for the sentence model.
/// </summary>
/// <param name="progress">Also told how embedding goes (a progress bar on a terminal); the log always is.</param>
public sealed partial class KnowledgeSynchronizer(
    KnowledgeStore store, string folder, int maxFileBytes, ILogger logger, TimeProvider? time = null, IEnumerable<IEmbeddingProgressListener>? progress = null)
{
    private readonly Dictionary<string, (long Length, DateTime Written, string Hash)> _fingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _reportedBroken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _reportedPassedOver = new(StringComparer.Ordinal);
    private (long Length, DateTime Written)? _synonymsFingerprint;
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = time ?? TimeProvider.System;
    private readonly IReadOnlyList<IEmbeddingProgressListener> _listeners =
        [new EmbeddingProgressLog(logger, time ?? TimeProvider.System), .. progress ?? []];

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Brings the index in line with the folder, vectors included: when this returns, every passage can be answered by meaning.</summary>
    public SyncReport Synchronize() => Synchronize(deferVectors: false);

    /// <param name="deferVectors">
    /// Leave embedding new passages to <see cref="FillVectors"/>, so the words answer at once. Ignored
    /// while every passage has its vectors: then changed files are embedded before they are published,
    /// and members keep answers by meaning from the previous snapshot meanwhile.
    /// </param>
    public SyncReport Synchronize(bool deferVectors)
    {
        lock (_gate)
        {
            if (!Directory.Exists(Folder))
                throw new KnowledgeFolderMissingException(Folder);
            if (!store.IsReady && store.Index.RecoveredFrom is { } damage)
                Log.RebuildingDamagedIndex(logger, damage, Folder);

            var manifest = store.Index.Manifest;
            var hashes = new Dictionary<string, string>(manifest.FileHashes, StringComparer.Ordinal);
            var scan = KnowledgeScan.Of(Folder);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            ReportPassedOver(scan, hashes, seen);
            var changes = new Changes();
            foreach (var file in scan.Files)
            {
                seen.Add(file.RelativePath);
                Examine(file, hashes, changes);
            }

            var removed = hashes.Keys.Where(p => !seen.Contains(p)).ToArray();
            foreach (var path in removed)
            {
                hashes.Remove(path);
                _fingerprints.Remove(path);
                _reportedBroken.Remove(path);
            }

            var hybridBefore = store.IsReady && store.Index.VectorsComplete;
            if (changes.Upserts.Count > 0 || removed.Length > 0 || manifest.ChainVersion != TextAnalysis.ChainVersion)
                WriteWords(changes.Upserts, removed, hashes, publish: !(hybridBefore && store.Embedder is not null && changes.Upserts.Count > 0));
            if (store.Embedder is not null && store.Index.Manifest.Unembedded.Count > 0 && (!deferVectors || hybridBefore))
                FillVectors(cancellationToken: CancellationToken.None);

            var synonymsReloaded = ReloadSynonymsIfChanged();
            store.MarkReady();
            var report = new SyncReport(changes.Added, changes.Updated, removed.Length, changes.Unchanged, changes.Skipped, synonymsReloaded);
            if (report.Added + report.Updated + report.Removed > 0)
                Log.IndexUpdated(logger, report.Added, report.Updated, report.Removed, report.Unchanged);
            return report;
        }
    }

    /// <summary>
    /// Logs each entry the scan passed over once, with its reason, until it changes or goes; a folder
    /// that cannot be listed is not a folder that was emptied, so what it held counts as seen.
    /// </summary>
    private void ReportPassedOver(KnowledgeScan scan, Dictionary<string, string> hashes, HashSet<string> seen)
    {
        foreach (var passed in scan.PassedOver)
        {
            if (!_reportedPassedOver.TryGetValue(passed.RelativePath, out var said) || said != passed.Reason)
                Log.PassedOver(logger, Path.Combine(Folder, passed.RelativePath), passed.Reason);
            if (passed.IsFolder)
            {
                var prefix = passed.RelativePath == "." ? "" : passed.RelativePath + "/";
                seen.UnionWith(hashes.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)));
            }
        }

        foreach (var gone in _reportedPassedOver.Keys.Except(scan.PassedOver.Select(p => p.RelativePath)).ToArray())
            _reportedPassedOver.Remove(gone);
        foreach (var passed in scan.PassedOver)
            _reportedPassedOver[passed.RelativePath] = passed.Reason;
    }

    /// <summary>Sorts one file into unchanged, skipped (broken, logged once) or to be indexed, reading it only when its size or time moved.</summary>
    private void Examine(KnowledgeFile file, Dictionary<string, string> hashes, Changes changes)
    {
        var path = file.RelativePath;
        if (_fingerprints.TryGetValue(path, out var known) && known.Length == file.Length && known.Written == file.LastWriteUtc
            && hashes.TryGetValue(path, out var indexed) && indexed == known.Hash)
        {
            changes.Unchanged++;
            return;
        }

        if (known.Hash is not null && known.Length == file.Length && known.Written == file.LastWriteUtc
            && _reportedBroken.TryGetValue(path, out var brokenHash) && brokenHash == known.Hash)
        {
            changes.Skipped.Add(new SkippedFile(path, "unchanged since it was reported"));
            return; // still the same broken bytes: already logged, nothing to re-read
        }

        var outcome = Read(file, hashes.GetValueOrDefault(path));
        if (outcome.Hash is not null)
            _fingerprints[path] = (file.Length, file.LastWriteUtc, outcome.Hash);
        if (outcome.Hash is not null && hashes.TryGetValue(path, out var previous) && previous == outcome.Hash)
        {
            changes.Unchanged++;
            return;
        }

        if (outcome.Document is null)
        {
            var reason = outcome.Error!;
            changes.Skipped.Add(new SkippedFile(path, reason));
            if (!_reportedBroken.TryGetValue(path, out var already) || already != (outcome.Hash ?? reason))
            {
                _reportedBroken[path] = outcome.Hash ?? reason;
                Log.SkippedFile(logger, file.FullPath, reason);
            }

            return;
        }

        _reportedBroken.Remove(path);
        if (hashes.ContainsKey(path))
            changes.Updated++;
        else
            changes.Added++;
        hashes[path] = outcome.Hash!;
        changes.Upserts.Add(outcome.Document);
    }

    /// <summary>
    /// Commits the changed files' passages by their words, in one commit whose manifest names them
    /// as waiting for vectors when the index keeps vectors. Parsing and word indexing take seconds
    /// even for 10,000 passages; the embedding that follows takes minutes, and commits as it goes,
    /// so a process killed part-way keeps the words and the vectors already made.
    /// </summary>
    /// <param name="publish">False to keep searches on the previous snapshot until the vectors are in too.</param>
    private void WriteWords(List<KnowledgeDocument> upserts, string[] removed, Dictionary<string, string> hashes, bool publish)
    {
        var unembedded = store.Index.Manifest.Unembedded.Except(removed).ToHashSet(StringComparer.Ordinal);
        if (store.Embedder is not null)
            unembedded.UnionWith(upserts.Select(d => d.Path));
        var manifest = new IndexManifest(TextAnalysis.ChainVersion, new Dictionary<string, string>(hashes, StringComparer.Ordinal))
        {
            EmbeddingModel = store.Index.EmbeddingModel,
            Unembedded = unembedded,
        };
        store.Index.Apply(upserts.Select(d => new IndexedDocument(d, null)), removed, manifest, publish);
        Log.WordsIndexed(logger, upserts.Count, removed.Length, unembedded.Count);
    }

    /// <param name="indexedHash">The hash the index holds for this file: when the bytes still hash to it, there is nothing to parse.</param>
    private (KnowledgeDocument? Document, string? Hash, string? Error) Read(KnowledgeFile file, string? indexedHash)
    {
        byte[] bytes;
        try
        {
            if (file.Length > maxFileBytes)
                return (null, null, $"the file is {file.Length} bytes, more than Knowledge:MaxFileBytes ({maxFileBytes})");
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, $"the file cannot be read ({e.Message})");
        }

        var hash = KnowledgeFile.Hash(bytes);
        if (hash == indexedHash)
            return (null, hash, null);
        try
        {
            return (MarkdownDocumentParser.Parse(file.RelativePath, bytes), hash, null);
        }
        catch (KnowledgeFormatException e)
        {
            return (null, hash, e.Message);
        }
    }

    private bool ReloadSynonymsIfChanged()
    {
        var path = Path.Combine(Folder, SynonymFile.FileName);
        var info = new FileInfo(path);
        (long, DateTime)? current = info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        if (_synonymsFingerprint == current && store.IsReady)
            return false;
        _synonymsFingerprint = current;

        SynonymFile synonyms;
        try
        {
            synonyms = SynonymFile.Load(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SynonymsUnreadable(logger, path, e.Message);
            return false;
        }

        foreach (var problem in synonyms.Problems)
            Log.SynonymLineSkipped(logger, path, problem);
        store.UseSynonyms(synonyms);
        return true;
    }

    /// <summary>What one synchronisation found, file by file.</summary>
    private sealed class Changes
    {
        public List<KnowledgeDocument> Upserts { get; } = [];

        public List<SkippedFile> Skipped { get; } = [];

        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }
    }

    // Event ids 1-3 are EmbeddingProgressLog's and 101-102 KnowledgeSynchronizer.Vectors', all in this category.
    private static partial class Log
    {
        [LoggerMessage(4, LogLevel.Warning, "The stored index could not be read ({Reason}); rebuilding it from {Folder}")]
        public static partial void RebuildingDamagedIndex(ILogger logger, string reason, string folder);

        [LoggerMessage(5, LogLevel.Information, "Knowledge index updated: {Added} added, {Updated} changed, {Removed} removed, {Unchanged} unchanged")]
        public static partial void IndexUpdated(ILogger logger, int added, int updated, int removed, int unchanged);

        [LoggerMessage(6, LogLevel.Warning, "Passed over {Path} in the knowledge folder: {Reason}")]
        public static partial void PassedOver(ILogger logger, string path, string reason);

        [LoggerMessage(7, LogLevel.Warning, "Skipped knowledge file {Path}: {Reason}")]
        public static partial void SkippedFile(ILogger logger, string path, string reason);

        [LoggerMessage(8, LogLevel.Debug, "Indexed the words of {Files} files ({Removed} removed); {Unembedded} files wait for their vectors")]
        public static partial void WordsIndexed(ILogger logger, int files, int removed, int unembedded);

        [LoggerMessage(9, LogLevel.Warning, "Could not read synonym file {Path}: {Reason}; keeping the previous synonyms")]
        public static partial void SynonymsUnreadable(ILogger logger, string path, string reason);

        [LoggerMessage(10, LogLevel.Warning, "Skipped a line of synonym file {Path}: {Problem}")]
        public static partial void SynonymLineSkipped(ILogger logger, string path, string problem);
    }
}
