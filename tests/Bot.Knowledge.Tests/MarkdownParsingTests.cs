using System.Text;
using Bot.Knowledge.Documents;

namespace Bot.Knowledge.Tests;

/// <summary>How a moderator's Markdown article becomes the passages the bot cites.</summary>
public class MarkdownParsingTests
{
    private const string FullArticle = """
        ---
        title: "Pastor Kim's rescues"
        source: https://example.org/pastor-kim
        tags: [pastor-kim, 'caleb-mission', rescues]
        ---

        # Heading title that the front matter overrides

        Opening paragraph before any section.

        ## The Jungle
        The family crossed the jungle
        at night with the brokers.

        Second paragraph of the jungle section.

        ## The Border ##

        They reached the Thai border.
        """;

    [Fact]
    public void Front_matter_gives_title_source_and_tags()
    {
        var doc = MarkdownDocumentParser.Parse("rescues.md", FullArticle);

        Assert.Equal("Pastor Kim's rescues", doc.Title);
        Assert.Equal("https://example.org/pastor-kim", doc.Source);
        Assert.Equal(["pastor-kim", "caleb-mission", "rescues"], doc.Tags);
        Assert.All(doc.Passages, p =>
        {
            Assert.Equal("Pastor Kim's rescues", p.Title);
            Assert.Equal("https://example.org/pastor-kim", p.Source);
            Assert.Equal("rescues.md", p.Path);
        });
    }

    [Fact]
    public void Each_paragraph_is_a_passage_under_the_section_heading_above_it()
    {
        var doc = MarkdownDocumentParser.Parse("rescues.md", FullArticle);

        Assert.Equal(
            [
                ("", "Opening paragraph before any section."),
                ("The Jungle", "The family crossed the jungle at night with the brokers."),
                ("The Jungle", "Second paragraph of the jungle section."),
                ("The Border", "They reached the Thai border."),
            ],
            doc.Passages.Select(p => (p.Section, p.Text)));
        Assert.Equal([0, 1, 2, 3], doc.Passages.Select(p => p.Ordinal));
    }

    [Fact]
    public void Lines_of_one_paragraph_are_joined_with_single_spaces()
    {
        var doc = MarkdownDocumentParser.Parse("a.md", "# T\n\n  First line   \n\tsecond line\r\nthird line.\n");

        Assert.Equal("First line second line third line.", Assert.Single(doc.Passages).Text);
    }

    [Fact]
    public void Without_front_matter_the_hash_heading_is_the_title_and_the_path_the_source()
    {
        var doc = MarkdownDocumentParser.Parse("people/kim.md", "# Seungeun Kim\n\nHe runs Caleb Mission.\n");

        Assert.Equal("Seungeun Kim", doc.Title);
        Assert.Equal("people/kim.md", doc.Source);
        Assert.Empty(doc.Tags);
        Assert.Equal("He runs Caleb Mission.", Assert.Single(doc.Passages).Text);
    }

    [Fact]
    public void Without_front_matter_or_heading_the_file_name_is_the_title()
    {
        var doc = MarkdownDocumentParser.Parse("notes/safe-houses.md", "Safe houses are in Laos.\n");

        Assert.Equal("safe-houses", doc.Title);
        Assert.Equal("Safe houses are in Laos.", Assert.Single(doc.Passages).Text);
    }

    [Fact]
    public void A_hashtag_without_a_space_is_text_not_a_heading()
    {
        var doc = MarkdownDocumentParser.Parse("a.md", "# Title\n\n#BeyondUtopia trended for a week.\n");

        Assert.Equal("Title", doc.Title);
        Assert.Equal("#BeyondUtopia trended for a week.", Assert.Single(doc.Passages).Text);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_endings_are_read_like_any_article()
    {
        var text = "---\r\ntitle: With BOM\r\n---\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var doc = MarkdownDocumentParser.Parse("bom.md", bytes);

        Assert.Equal("With BOM", doc.Title);
        Assert.Equal(["First paragraph.", "Second paragraph."], doc.Passages.Select(p => p.Text));
    }

    [Fact]
    public void Unclosed_front_matter_is_rejected_saying_it_is_never_closed()
    {
        var e = Assert.Throws<KnowledgeFormatException>(() =>
            MarkdownDocumentParser.Parse("a.md", "---\ntitle: Half saved\nsource: the editor crashed here\n"));

        Assert.Contains("front matter", e.Message);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Unclosed_front_matter_followed_by_text_is_reported_as_never_closed()
    {
        var e = Assert.Throws<KnowledgeFormatException>(() =>
            MarkdownDocumentParser.Parse("a.md", "---\ntitle: Half saved\n\nSome text that was meant to follow.\n"));

        // The real mistake is the missing closing line, not the text after it.
        Assert.Contains("front matter", e.Message);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_rejected_as_not_utf8()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# Title\n\nCaf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" is broken.\n")];

        var e = Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentParser.Parse("a.md", bytes));

        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void A_nul_byte_is_rejected_as_binary_data()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# Title\n\nLooks like text"), 0x00, .. Encoding.UTF8.GetBytes(" but is not.\n")];

        var e = Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentParser.Parse("a.md", bytes));

        Assert.Contains("NUL", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData("# Only a title\n")]
    [InlineData("---\ntitle: Only front matter\n---\n\n# Title\n\n## Section\n")]
    public void A_file_without_paragraphs_is_rejected_as_having_no_paragraphs(string text)
    {
        var e = Assert.Throws<KnowledgeFormatException>(() => MarkdownDocumentParser.Parse("a.md", text));

        Assert.Contains("no paragraphs", e.Message);
    }

    [Fact]
    public void Front_matter_with_tags_as_a_yaml_list_is_still_an_article()
    {
        // The usual YAML way of writing a list: the file is a good article and must not be dropped.
        const string text = "---\ntitle: Seungeun Kim\ntags:\n  - pastor-kim\n  - caleb-mission\n---\n\nHe runs Caleb Mission.\n";

        var doc = MarkdownDocumentParser.Parse("kim.md", text);

        Assert.Equal("Seungeun Kim", doc.Title);
        Assert.Equal("He runs Caleb Mission.", Assert.Single(doc.Passages).Text);
    }

    [Fact]
    public void A_front_matter_line_that_is_not_key_value_is_rejected_with_its_line_number()
    {
        var e = Assert.Throws<KnowledgeFormatException>(() =>
            MarkdownDocumentParser.Parse("a.md", "---\ntitle: Fine\nthis line has no colon\n---\n\nText.\n"));

        Assert.Contains("line 3", e.Message);
    }
}
