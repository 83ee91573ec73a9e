using System.Text.RegularExpressions;
using Bot.Knowledge.Documents;

namespace Bot.Knowledge.Tests;

/// <summary>The shipped article is the seed article, word for word, with Markdown structure added.</summary>
public partial class ShippedArticleTests
{
    [Fact]
    public void Shipped_article_without_its_markup_holds_every_paragraph_of_the_seed_word_for_word()
    {
        var markdown = File.ReadAllText(TestPaths.ShippedArticle);
        var body = FrontMatter().Replace(markdown.ReplaceLineEndings("\n"), "");
        body = HeadingMarker().Replace(body, "");
        var plain = Collapse(body);

        var seedParagraphs = SeedParagraphs();
        Assert.NotEmpty(seedParagraphs);
        Assert.All(seedParagraphs, p => Assert.Contains(p, plain, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_paragraph_of_the_seed_is_a_passage_title_or_section_of_the_shipped_article()
    {
        var doc = MarkdownDocumentParser.Parse(Path.GetFileName(TestPaths.ShippedArticle), File.ReadAllBytes(TestPaths.ShippedArticle));
        var parsed = doc.Passages.Select(p => p.Text)
            .Concat(doc.Passages.Select(p => p.Section))
            .Append(doc.Title)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(SeedParagraphs(), p => Assert.Contains(p, parsed));
        Assert.Equal("Seed article supplied with the project (shared/seed/beyond-utopia-article.txt)", doc.Source);
    }

    private static List<string> SeedParagraphs() =>
        File.ReadAllText(TestPaths.SeedArticle).ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Collapse)
            .Where(p => p.Length > 0)
            .ToList();

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\A---\n.*?\n---\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^#{1,6}[ \t]+", RegexOptions.Multiline)]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
