using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// What the index says it holds (<see cref="KnowledgeIndex.Contents"/>) and its version, which
/// tells readers when to derive things from it again.
/// </summary>
public sealed class IndexContentsTests : IDisposable
{
    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Contents_list_every_document_with_title_source_tags_and_passages_in_order()
    {
        _workspace.Write("b/river.md", "---\ntitle: The river\nsource: https://example.org/river\ntags: [river, crossing-guide]\n---\n\n# The river\n\nFirst paragraph.\n\n## Later\n\nSecond paragraph.\n\nThird paragraph.\n");
        _workspace.Write("a-cook.md", Markdown.Article("Life in the safe house", "The cook baked cornbread."));
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        var contents = knowledge.Store.Index.Contents();

        Assert.Equal(["a-cook.md", "b/river.md"], contents.Documents.Select(d => d.Path));
        var river = contents.Documents[1];
        Assert.Equal("The river", river.Title);
        Assert.Equal("https://example.org/river", river.Source);
        Assert.Equal(["river", "crossing-guide"], river.Tags);
        Assert.Equal(["First paragraph.", "Second paragraph.", "Third paragraph."], river.Passages.Select(p => p.Text));
        Assert.Equal([0, 1, 2], river.Passages.Select(p => p.Ordinal));
        Assert.Equal(["", "Later", "Later"], river.Passages.Select(p => p.Section));
        var cook = contents.Documents[0];
        Assert.Empty(cook.Tags);
        Assert.Equal("written for a test", cook.Source);
        Assert.Single(cook.Passages);
    }

    [Fact]
    public void Contents_match_what_the_parser_reads_from_the_shipped_article()
    {
        using var shipped = new KnowledgeWorkspace(withShippedKnowledge: true);
        using var knowledge = shipped.Open();
        knowledge.Sync();
        var parsed = MarkdownDocumentParser.Parse(Path.GetFileName(TestPaths.ShippedArticle), File.ReadAllBytes(TestPaths.ShippedArticle));

        var document = Assert.Single(knowledge.Store.Index.Contents().Documents);

        Assert.Equal(parsed.Path, document.Path);
        Assert.Equal(parsed.Title, document.Title);
        Assert.Equal(parsed.Source, document.Source);
        Assert.Equal(parsed.Tags, document.Tags);
        Assert.Equal(parsed.Passages, document.Passages);
    }

    [Fact]
    public void Empty_folder_has_no_documents()
    {
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        Assert.Empty(knowledge.Store.Index.Contents().Documents);
    }

    [Fact]
    public void Version_changes_when_the_knowledge_changes_and_only_then()
    {
        _workspace.Write("river.md", Markdown.Article("The river", "The family crossed the river."));
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        var first = knowledge.Store.Index.Contents();

        knowledge.Sync();
        Assert.Equal(first.Version, knowledge.Store.Index.Version);
        Assert.Same(first.Documents, knowledge.Store.Index.Contents().Documents); // read once per snapshot

        _workspace.Write("cook.md", Markdown.Article("The cook", "The cook baked cornbread."));
        knowledge.Sync();
        var added = knowledge.Store.Index.Contents();
        Assert.NotEqual(first.Version, added.Version);
        Assert.Equal(added.Version, knowledge.Store.Index.Version);
        Assert.Equal(2, added.Documents.Count);

        _workspace.Delete("river.md");
        knowledge.Sync();
        var removed = knowledge.Store.Index.Contents();
        Assert.NotEqual(added.Version, removed.Version);
        Assert.Equal(["cook.md"], removed.Documents.Select(d => d.Path));
    }

    [Fact]
    public void Changed_tags_are_seen_after_the_next_sync()
    {
        _workspace.Write("river.md", "---\ntags: [one]\n---\n# River\n\nText.\n");
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        Assert.Equal(["one"], knowledge.Store.Index.Contents().Documents[0].Tags);

        _workspace.Write("river.md", "---\ntags: [one, two]\n---\n# River\n\nText.\n");
        knowledge.Sync();

        Assert.Equal(["one", "two"], knowledge.Store.Index.Contents().Documents[0].Tags);
    }
}
