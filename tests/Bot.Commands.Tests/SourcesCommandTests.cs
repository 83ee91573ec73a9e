using Bot.Commands.Replies;
using Bot.Commands.Sources;
using Bot.Commands.Tests.Support;
using Bot.Knowledge.Documents;

namespace Bot.Commands.Tests;

/// <summary>/sources: the documents the index holds.</summary>
public sealed class SourcesCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sources_lists_the_shipped_document_with_its_source_and_passages()
    {
        var parsed = MarkdownDocumentParser.Parse("beyond-utopia-article.md", File.ReadAllBytes(TestPaths.ShippedArticle));

        var reply = await knowledge.RunAsync("sources");

        Assert.True(reply.Ephemeral);
        var embed = Assert.Single(reply.Embeds);
        Assert.Equal(SourcesCommand.Title, embed.Title);
        var field = Assert.Single(embed.Fields);
        Assert.Equal("Meet Pastor Kim Saving North Korean Defectors", field.Name);
        Assert.Equal($"Source: Seed article supplied with the project (shared/seed/beyond-utopia-article.txt)\n{parsed.Passages.Count} passages", field.Value);
        Assert.Equal($"1 document, {parsed.Passages.Count} passages", embed.Footer);
        Assert.Empty(reply.Buttons);
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task Many_documents_are_paged_with_previous_and_next()
    {
        var folder = _temp.Combine("many");
        GeneratedKnowledge.WriteArticles(folder, 35);
        using var built = new BuiltKnowledge(folder);
        var sources = new SourcesCommand();

        var pages = new List<Reply> { await sources.ExecuteAsync(Contexts.Command(built.Reader, "sources"), CancellationToken.None) };
        while (pages[^1].Buttons.Single(b => b.Label == "Next") is { Disabled: false } next && pages.Count < 10)
            pages.Add(await sources.HandleComponentAsync(Contexts.Click(built.Reader, next.CustomId), CancellationToken.None));

        Assert.Equal(4, pages.Count);
        Assert.All(pages, ReplyAssert.WithinDiscordLimits);
        Assert.All(pages.Skip(1), p => Assert.Equal(ReplyKind.UpdateMessage, p.Kind));
        var titles = pages.SelectMany(p => p.Embeds[0].Fields).Select(f => f.Name).ToArray();
        Assert.Equal(35, titles.Length);
        Assert.Equal(35, titles.Distinct().Count());
        Assert.All(pages.SelectMany(p => p.Embeds[0].Fields), f => Assert.Contains("2 passages", f.Value));
        Assert.StartsWith("Page 4 of 4 · 35 documents, 70 passages", pages[^1].Embeds[0].Footer);

        var forged = await sources.HandleComponentAsync(Contexts.Click(built.Reader, "sources:page:999"), CancellationToken.None);
        ReplyAssert.SameEmbeds(pages[^1].Embeds, forged.Embeds);
        var garbage = await sources.HandleComponentAsync(Contexts.Click(built.Reader, "sources:nonsense"), CancellationToken.None);
        ReplyAssert.SameEmbeds(pages[0].Embeds, garbage.Embeds);
    }

    [Fact]
    public async Task Empty_knowledge_folder_says_so()
    {
        var folder = _temp.Combine("empty");
        Directory.CreateDirectory(folder);
        using var built = new BuiltKnowledge(folder);

        var reply = await new SourcesCommand().ExecuteAsync(Contexts.Command(built.Reader, "sources"), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(SourcesCommand.EmptyText, reply.Content);
    }
}
