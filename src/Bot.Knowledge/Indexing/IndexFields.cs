namespace Bot.Knowledge.Indexing;

/// <summary>Field names of a passage in the Lucene index.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Path = "path";
    public const string Ordinal = "ordinal";
    public const string Title = "title";
    public const string Section = "section";
    public const string Source = "source";
    /// <summary>Stored only, one value per front-matter tag: the document's tags, on each of its passages.</summary>
    public const string Tags = "tags";
    /// <summary>The paragraph, analysed and stored.</summary>
    public const string Text = "text";
    /// <summary>Document title and section heading, analysed: a weaker signal than the paragraph itself.</summary>
    public const string Context = "context";
    /// <summary>Stored only: the passage's and its sentences' embeddings (<see cref="Semantic.PassageVectors"/>).</summary>
    public const string Vectors = "vectors";
}
