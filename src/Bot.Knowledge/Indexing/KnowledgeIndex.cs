using System.Globalization;
using Bot.Knowledge.Analysis;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Bot.Knowledge.Indexing;

/// <summary>
/// The on-disk Lucene index of passages. One writer applies changes and commits them together
/// with the manifest; searches go through a <see cref="SearcherManager"/>, so they keep using
/// the previous snapshot until a refresh after a commit swaps the new one in.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();
    private readonly IndexOwnership? _ownership;
    private volatile bool _vectorsComplete;

    private KnowledgeIndex(Directory directory, IndexManifest manifest, IndexOwnership? ownership, string? embeddingModel)
    {
        _directory = directory;
        _ownership = ownership;
        Manifest = manifest;
        IsPrivateCopy = ownership is null;
        EmbeddingModel = embeddingModel ?? "";
        var compatible = manifest.ChainVersion == TextAnalysis.ChainVersion && manifest.EmbeddingModel == EmbeddingModel;
        var config = new IndexWriterConfig(TextAnalysis.Version, TextAnalysis.CreateIndexAnalyzer())
        {
            Similarity = Similarity,
            // An index of another chain version would answer with the wrong terms, and vectors of
            // another model (or none) cannot be compared with this model's: start over.
            OpenMode = compatible ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
        };
        _writer = new IndexWriter(directory, config);
        if (config.OpenMode == OpenMode.CREATE)
            Manifest = IndexManifest.Empty with { ChainVersion = TextAnalysis.ChainVersion, EmbeddingModel = EmbeddingModel };
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
        _vectorsComplete = Manifest.Unembedded.Count == 0;
    }

    internal static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>What the last commit was built from.</summary>
    public IndexManifest Manifest { get; private set; }

    /// <summary>The model whose vectors this index stores with each passage; empty when it stores none.</summary>
    public string EmbeddingModel { get; }

    /// <summary>True when another process holds the on-disk index and this one runs from memory.</summary>
    public bool IsPrivateCopy { get; }

    /// <summary>Why the on-disk index was thrown away and started again, if it was unreadable; null otherwise.</summary>
    public string? RecoveredFrom { get; private init; }

    /// <summary>
    /// Opens the index under <paramref name="indexFolder"/> for this process to keep up to date, or,
    /// when another process (a running bot, say, while the command line asks a question) owns it,
    /// an in-memory copy of its last commit: the copy is read without a lock and written nowhere,
    /// so the owner's files and lock are never touched.
    /// </summary>
    /// <param name="embeddingModel">The model whose vectors will be stored (<see cref="Semantic.ITextEmbedder.ModelId"/>), or null for none.</param>
    public static KnowledgeIndex Open(string indexFolder, string? embeddingModel = null)
    {
        System.IO.Directory.CreateDirectory(indexFolder);
        if (IndexOwnership.TryClaim(indexFolder) is not { } ownership)
            return OpenCopyOf(indexFolder, embeddingModel);

        var fs = FSDirectory.Open(indexFolder);
        try
        {
            return new KnowledgeIndex(fs, ReadManifest(fs), ownership, embeddingModel);
        }
        catch (LockObtainFailedException)
        {
            fs.Dispose();
            ownership.Dispose();
            return OpenCopyOf(indexFolder, embeddingModel);
        }
        catch (Exception e) when (e is IOException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // The index is only a cache of the knowledge folder: a damaged one is rebuilt, not fatal.
            fs.Dispose();
            foreach (var file in System.IO.Directory.EnumerateFiles(indexFolder))
                File.Delete(file);
            return new KnowledgeIndex(FSDirectory.Open(indexFolder), IndexManifest.Empty, ownership, embeddingModel)
            {
                RecoveredFrom = $"{e.GetType().Name}: {e.Message}",
            };
        }
    }

    public static KnowledgeIndex OpenInMemory(string? embeddingModel = null) => new(new RAMDirectory(), IndexManifest.Empty, ownership: null, embeddingModel);

    private static KnowledgeIndex OpenCopyOf(string indexFolder, string? embeddingModel)
    {
        var memory = new RAMDirectory();
        return new KnowledgeIndex(memory, CopyLastCommit(indexFolder, memory, embeddingModel ?? ""), ownership: null, embeddingModel);
    }

    /// <summary>
    /// Copies the last commit on disk into <paramref name="memory"/> and returns its manifest, so
    /// only what changed since has to be read and embedded again. A reader takes no lock and
    /// deletes no file; Lucene retries on its own when the owner commits during the open.
    /// </summary>
    private static IndexManifest CopyLastCommit(string indexFolder, Directory memory, string embeddingModel)
    {
        try
        {
            using var disk = FSDirectory.Open(indexFolder);
            if (!DirectoryReader.IndexExists(disk))
                return IndexManifest.Empty;
            using var reader = DirectoryReader.Open(disk);
            var manifest = IndexManifest.FromCommitData(reader.IndexCommit.UserData);
            if (manifest.ChainVersion != TextAnalysis.ChainVersion || manifest.EmbeddingModel != embeddingModel)
                return IndexManifest.Empty;
            using var copy = new IndexWriter(memory, new IndexWriterConfig(TextAnalysis.Version, TextAnalysis.CreateIndexAnalyzer()) { Similarity = Similarity, OpenMode = OpenMode.CREATE });
            copy.AddIndexes(reader);
            copy.SetCommitData(manifest.ToCommitData());
            copy.Commit();
            return manifest;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // Unreadable or mid-rebuild: the copy starts empty and is built from the knowledge folder.
            return IndexManifest.Empty;
        }
    }

    /// <summary>
    /// Replaces the passages (and their vectors, when given) of changed documents, removes deleted
    /// ones, commits with the new manifest. With <paramref name="publish"/> off the commit is
    /// durable but searches keep the previous snapshot until a later publishing call.
    /// </summary>
    public void Apply(IEnumerable<IndexedDocument> upserts, IEnumerable<string> deletedPaths, IndexManifest manifest, bool publish = true)
    {
        lock (_writeLock)
        {
            foreach (var path in deletedPaths)
                _writer.DeleteDocuments(new Term(IndexFields.Path, path));
            foreach (var (document, vectors) in upserts)
            {
                _writer.UpdateDocuments(
                    new Term(IndexFields.Path, document.Path),
                    document.Passages.Select((p, i) => ToLucene(p, document.Tags, vectors?[i])));
            }

            _writer.SetCommitData(manifest.ToCommitData());
            _writer.Commit();
            Manifest = manifest;
        }

        if (publish)
            Publish();
    }

    /// <summary>
    /// Swaps the last commit in for searches. <see cref="VectorsComplete"/> turns false before a
    /// snapshot with unembedded passages is seen and true only after a complete one is, so a
    /// question never reads it as complete while it is not.
    /// </summary>
    public void Publish()
    {
        lock (_writeLock)
        {
            var complete = Manifest.Unembedded.Count == 0;
            if (!complete)
                _vectorsComplete = false;
            _searchers.MaybeRefreshBlocking();
            if (complete)
                _vectorsComplete = true;
        }
    }

    /// <summary>
    /// Merges away segments that are mostly deleted passages and commits. Replacing passages (to add
    /// their vectors) leaves the old ones counted in the word statistics until a merge drops them;
    /// after embedding a whole folder, this makes the statistics those of a fresh build again.
    /// </summary>
    public void CompactDeletes()
    {
        lock (_writeLock)
        {
            _writer.ForceMergeDeletes(doWait: true);
            _writer.Commit();
        }
    }

    /// <summary>
    /// True when the snapshot searches use holds the vectors of every passage (or the index stores
    /// none): what an answer by meaning needs. False while a cold start's vectors are being built.
    /// </summary>
    public bool VectorsComplete => _vectorsComplete;

    /// <summary>
    /// The documents under <paramref name="paths"/> as the last commit holds them, published or not,
    /// rebuilt from their stored passages and tags: what is embedded after a cold start wrote the words.
    /// </summary>
    public IReadOnlyList<KnowledgeDocument> ReadDocuments(IEnumerable<string> paths)
    {
        lock (_writeLock)
        {
            using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
            var searcher = new IndexSearcher(reader);
            var documents = new List<KnowledgeDocument>();
            foreach (var path in paths)
            {
                var hits = searcher.Search(new TermQuery(new Term(IndexFields.Path, path)), Math.Max(1, reader.MaxDoc)).ScoreDocs;
                if (hits.Length == 0)
                    continue;
                var stored = hits.Select(h => searcher.Doc(h.Doc)).ToArray();
                var passages = stored.Select(FromLucene).OrderBy(p => p.Ordinal).ToArray();
                var tags = stored[0].GetValues(IndexFields.Tags, CultureInfo.InvariantCulture) ?? [];
                documents.Add(new KnowledgeDocument(path, passages[0].Title, passages[0].Source, tags, passages));
            }

            return documents;
        }
    }

    /// <summary>Borrows the current snapshot; dispose the lease to give it back.</summary>
    public SearcherLease Acquire() => new(_searchers);

    /// <summary>
    /// The current snapshot's version: it changes whenever a commit changes what the index holds,
    /// so what is derived from <see cref="Contents"/> can be kept until it does. Cheap to read.
    /// </summary>
    public long Version
    {
        get
        {
            using var lease = Acquire();
            return VersionOf(lease.Searcher);
        }
    }

    /// <summary>Passages in the current snapshot (one Lucene document each).</summary>
    public int PassageCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    /// <summary>
    /// Every document of the current snapshot, by path, with its passages in order and its
    /// front-matter tags: what the index holds, read once per snapshot and shared after that.
    /// </summary>
    public IndexContents Contents()
    {
        using var lease = Acquire();
        var searcher = lease.Searcher;
        return new IndexContents(VersionOf(searcher), IndexSnapshot.Of(searcher).Documents(searcher));
    }

    private static long VersionOf(IndexSearcher searcher) => searcher.IndexReader is DirectoryReader reader ? reader.Version : 0;

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _ownership?.Dispose();
    }

    internal static Passage FromLucene(Document doc) => new(
        doc.Get(IndexFields.Path, CultureInfo.InvariantCulture),
        doc.GetField(IndexFields.Ordinal).GetInt32Value() ?? 0,
        doc.Get(IndexFields.Title, CultureInfo.InvariantCulture),
        doc.Get(IndexFields.Section, CultureInfo.InvariantCulture) ?? "",
        doc.Get(IndexFields.Source, CultureInfo.InvariantCulture),
        doc.Get(IndexFields.Text, CultureInfo.InvariantCulture));

    private static Document ToLucene(Passage passage, IReadOnlyList<string> tags, PassageVectors? vectors)
    {
        Document doc =
        [
        new StringField(IndexFields.Id, passage.Id, Field.Store.YES),
        new StringField(IndexFields.Path, passage.Path, Field.Store.YES),
        new StoredField(IndexFields.Ordinal, passage.Ordinal),
        new StoredField(IndexFields.Title, passage.Title),
        new StoredField(IndexFields.Section, passage.Section),
        new StoredField(IndexFields.Source, passage.Source),
        new TextField(IndexFields.Text, passage.Text, Field.Store.YES),
        new TextField(IndexFields.Context, $"{passage.Title}\n{passage.Section}", Field.Store.NO),
        ];
        foreach (var tag in tags)
            doc.Add(new StoredField(IndexFields.Tags, tag));
        if (vectors is not null)
            doc.Add(new StoredField(IndexFields.Vectors, vectors.ToBytes()));
        return doc;
    }

    private static IndexManifest ReadManifest(Directory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
            return IndexManifest.Empty;
        var commits = DirectoryReader.ListCommits(directory);
        return IndexManifest.FromCommitData(commits[^1].UserData);
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}

/// <summary>A snapshot of the index on loan from the <see cref="SearcherManager"/>.</summary>
public readonly struct SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;

    internal SearcherLease(SearcherManager manager)
    {
        _manager = manager;
        Searcher = manager.Acquire();
    }

    public IndexSearcher Searcher { get; }

    public void Dispose() => _manager.Release(Searcher);
}
