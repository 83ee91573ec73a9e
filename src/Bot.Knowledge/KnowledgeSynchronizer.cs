using Bot.Knowledge.Analysis;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Text;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge;

/// <summary>
/// Brings the index in line with the knowledge folder: parses new and changed files, removes
/// deleted ones, reloads the synonym file. A file that cannot be read or parsed is logged with
/// its path and the reason and skipped; if an earlier version of it was indexed, that version
/// keeps answering until the file is fixed or deleted, so a half-saved edit loses nothing.
/// </summary>
public sealed class KnowledgeSynchronizer(KnowledgeStore store, string folder, int maxFileBytes, ILogger logger)
{
    private readonly Dictionary<string, (long Length, DateTime Written, string Hash)> fingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> reportedBroken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> reportedPassedOver = new(StringComparer.Ordinal);
    private (long Length, DateTime Written)? synonymsFingerprint;
    private readonly Lock gate = new();

    public string Folder { get; } = Path.GetFullPath(folder);

    public SyncReport Synchronize()
    {
        lock (gate)
        {
            if (!Directory.Exists(Folder))
                throw new KnowledgeFolderMissingException(Folder);
            if (!store.IsReady && store.Index.RecoveredFrom is { } damage)
                logger.LogWarning("The stored index could not be read ({Reason}); rebuilding it from {Folder}", damage, Folder);

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
                fingerprints.Remove(path);
                reportedBroken.Remove(path);
            }

            if (changes.Upserts.Count > 0 || removed.Length > 0 || manifest.ChainVersion != TextAnalysis.ChainVersion)
                Commit(changes.Upserts, removed, hashes);

            var synonymsReloaded = ReloadSynonymsIfChanged();
            store.MarkReady();
            var report = new SyncReport(changes.Added, changes.Updated, removed.Length, changes.Unchanged, changes.Skipped, synonymsReloaded);
            if (report.Added + report.Updated + report.Removed > 0)
                logger.LogInformation("Knowledge index updated: {Added} added, {Updated} changed, {Removed} removed, {Unchanged} unchanged", report.Added, report.Updated, report.Removed, report.Unchanged);
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
            if (!reportedPassedOver.TryGetValue(passed.RelativePath, out var said) || said != passed.Reason)
                logger.LogWarning("Passed over {Path} in the knowledge folder: {Reason}", Path.Combine(Folder, passed.RelativePath), passed.Reason);
            if (passed.IsFolder)
            {
                var prefix = passed.RelativePath == "." ? "" : passed.RelativePath + "/";
                seen.UnionWith(hashes.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)));
            }
        }

        foreach (var gone in reportedPassedOver.Keys.Except(scan.PassedOver.Select(p => p.RelativePath)).ToArray())
            reportedPassedOver.Remove(gone);
        foreach (var passed in scan.PassedOver)
            reportedPassedOver[passed.RelativePath] = passed.Reason;
    }

    /// <summary>Sorts one file into unchanged, skipped (broken, logged once) or to be indexed, reading it only when its size or time moved.</summary>
    private void Examine(KnowledgeFile file, Dictionary<string, string> hashes, Changes changes)
    {
        var path = file.RelativePath;
        if (fingerprints.TryGetValue(path, out var known) && known.Length == file.Length && known.Written == file.LastWriteUtc
            && hashes.TryGetValue(path, out var indexed) && indexed == known.Hash)
        {
            changes.Unchanged++;
            return;
        }

        if (known.Hash is not null && known.Length == file.Length && known.Written == file.LastWriteUtc
            && reportedBroken.TryGetValue(path, out var brokenHash) && brokenHash == known.Hash)
        {
            changes.Skipped.Add(new SkippedFile(path, "unchanged since it was reported"));
            return; // still the same broken bytes: already logged, nothing to re-read
        }

        var outcome = Read(file, hashes.GetValueOrDefault(path));
        if (outcome.Hash is not null)
            fingerprints[path] = (file.Length, file.LastWriteUtc, outcome.Hash);
        if (outcome.Hash is not null && hashes.TryGetValue(path, out var previous) && previous == outcome.Hash)
        {
            changes.Unchanged++;
            return;
        }

        if (outcome.Document is null)
        {
            var reason = outcome.Error!;
            changes.Skipped.Add(new SkippedFile(path, reason));
            if (!reportedBroken.TryGetValue(path, out var already) || already != (outcome.Hash ?? reason))
            {
                reportedBroken[path] = outcome.Hash ?? reason;
                logger.LogWarning("Skipped knowledge file {Path}: {Reason}", file.FullPath, reason);
            }

            return;
        }

        reportedBroken.Remove(path);
        if (hashes.ContainsKey(path))
            changes.Updated++;
        else
            changes.Added++;
        hashes[path] = outcome.Hash!;
        changes.Upserts.Add(outcome.Document);
    }

    /// <summary>
    /// Writes the changes one file at a time, each commit with a manifest that names only the
    /// files committed so far: a process killed in the middle of a long (first) build restarts
    /// from the files it had finished, not from zero. Embedding is the slow part; it happens
    /// before each write, while questions are still answered from the previous snapshot, which
    /// is swapped for the new one once, at the end.
    /// </summary>
    private void Commit(List<KnowledgeDocument> upserts, string[] removed, Dictionary<string, string> hashes)
    {
        var committed = new Dictionary<string, string>(store.Index.Manifest.FileHashes, StringComparer.Ordinal);
        foreach (var path in removed)
            committed.Remove(path);
        IndexManifest Manifest() => new(TextAnalysis.ChainVersion, new Dictionary<string, string>(committed, StringComparer.Ordinal)) { EmbeddingModel = store.Index.EmbeddingModel };

        if (upserts.Count == 0)
        {
            store.Index.Apply([], removed, Manifest());
            return;
        }

        for (var i = 0; i < upserts.Count; i++)
        {
            var document = upserts[i];
            var indexed = new IndexedDocument(document, Embed(document));
            committed[document.Path] = hashes[document.Path];
            var last = i == upserts.Count - 1;
            store.Index.Apply([indexed], i == 0 ? removed : [], Manifest(), publish: last);
            logger.LogDebug("Indexed {Path}: {Passages} passages ({Done} of {Total} changed files committed)", document.Path, document.Passages.Count, i + 1, upserts.Count);
        }
    }

    /// <summary>Vectors for every passage, its heading and its answer units, when the store has a model.</summary>
    private IReadOnlyList<PassageVectors>? Embed(KnowledgeDocument document)
    {
        if (store.Embedder is not { } embedder)
            return null;
        var texts = new List<string>();
        var clauseCounts = new List<int[]>();
        foreach (var passage in document.Passages)
        {
            var units = AnswerUnits.Split(passage.Text);
            var clauses = units.Select(AnswerUnits.Clauses).ToArray();
            texts.Add(passage.Text);
            texts.Add(AnswerUnits.Heading(passage.Title, passage.Section));
            texts.AddRange(units);
            texts.AddRange(AnswerUnits.Contexts(units, passage.Section.Length > 0 ? passage.Section : passage.Title));
            texts.AddRange(clauses.SelectMany(c => c));
            clauseCounts.Add(clauses.Select(c => c.Count).ToArray());
        }

        // Small batches of similar length on every core: the model pads a batch to its longest
        // text, so mixing a paragraph with short sentences wastes most of the work (sorting
        // doubled the texts embedded per second). The embedder bounds how many run at once.
        const int batch = 8;
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        Parallel.For(0, (texts.Count + batch - 1) / batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var members = byLength.Skip(b * batch).Take(batch).ToArray();
            var embedded = embedder.Embed(members.Select(i => texts[i]).ToArray());
            for (var j = 0; j < members.Length; j++)
                vectors[members[j]] = embedded[j];
        });
        var result = new PassageVectors[document.Passages.Count];
        var at = 0;
        for (var i = 0; i < result.Length; i++)
        {
            var n = clauseCounts[i].Length;
            var clauses = new IReadOnlyList<float[]>[n];
            var clauseAt = at + 2 + 2 * n;
            for (var u = 0; u < n; u++)
            {
                clauses[u] = vectors[clauseAt..(clauseAt + clauseCounts[i][u])];
                clauseAt += clauseCounts[i][u];
            }

            result[i] = new PassageVectors(vectors[at], vectors[at + 1], vectors[(at + 2)..(at + 2 + n)], vectors[(at + 2 + n)..(at + 2 + 2 * n)], clauses);
            at = clauseAt;
        }

        return result;
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
        if (synonymsFingerprint == current && store.IsReady)
            return false;
        synonymsFingerprint = current;

        SynonymFile synonyms;
        try
        {
            synonyms = SynonymFile.Load(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not read synonym file {Path}: {Reason}; keeping the previous synonyms", path, e.Message);
            return false;
        }

        foreach (var problem in synonyms.Problems)
            logger.LogWarning("Skipped a line of synonym file {Path}: {Problem}", path, problem);
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
}
