using System.Text;

namespace Bot.Knowledge.Documents;

/// <summary>
/// Reads one knowledge article: an optional front-matter block (<c>title</c>, <c>source</c>,
/// <c>tags</c>), a <c>#</c> title, <c>##</c> sections, and paragraphs separated by blank lines.
/// Lenient about style, strict about things that mean the file is not an article at all.
/// </summary>
public static class MarkdownDocumentParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses raw file bytes; throws <see cref="KnowledgeFormatException"/> when they are not an article.</summary>
    public static KnowledgeDocument Parse(string relativePath, ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new KnowledgeFormatException("the file is not valid UTF-8 text");
        }

        return Parse(relativePath, text);
    }

    public static KnowledgeDocument Parse(string relativePath, string text)
    {
        if (text.Contains('\0'))
            throw new KnowledgeFormatException("the file holds binary data (a NUL character), not Markdown");

        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var index = 0;
        var front = ReadFrontMatter(lines, ref index);

        var (heading, paragraphs) = ReadBody(lines, index);
        if (paragraphs.Count == 0)
            throw new KnowledgeFormatException("the file has no paragraphs of text");

        var title = FirstNonEmpty(front.GetValueOrDefault("title"), heading, Path.GetFileNameWithoutExtension(relativePath));
        var source = FirstNonEmpty(front.GetValueOrDefault("source"), relativePath);
        var tags = ParseTags(front.GetValueOrDefault("tags"));
        var passages = paragraphs
            .Select((p, i) => new Passage(relativePath, i, title, p.Section, source, p.Text))
            .ToArray();
        return new KnowledgeDocument(relativePath, title, source, tags, passages);
    }

    /// <summary>
    /// The body after the front matter: the first level-1 heading (the title, unless the front
    /// matter gives one), and the paragraphs, each under the last heading before it.
    /// </summary>
    private static (string? Heading, List<(string Section, string Text)> Paragraphs) ReadBody(string[] lines, int index)
    {
        string? heading = null;
        var section = "";
        var paragraphs = new List<(string Section, string Text)>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add((section, current.ToString()));
                current.Clear();
            }
        }

        for (; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var level = HeadingLevel(line);
            if (level > 0)
            {
                Flush();
                var name = line[level..].Trim().TrimEnd('#').Trim();
                if (level == 1 && heading is null)
                    heading = name;
                else
                    section = name;
                continue;
            }

            if (current.Length > 0)
                current.Append(' ');
            current.Append(line.Trim());
        }

        Flush();
        return (heading, paragraphs);
    }

    private static Dictionary<string, string> ReadFrontMatter(string[] lines, ref int index)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Length == 0 || lines[0].Trim() != "---")
            return values;

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
            throw new KnowledgeFormatException("the front matter opened with '---' on line 1 is never closed with '---'");

        string? listKey = null;
        for (var i = 1; i < close; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (listKey is not null && line.StartsWith("- ", StringComparison.Ordinal))
            {
                // A YAML block list ("tags:" then "  - a" lines): kept as "a, b" like a flow list.
                var item = Unquote(line[2..].Trim());
                values[listKey] = values[listKey].Length == 0 ? item : $"{values[listKey]}, {item}";
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw new KnowledgeFormatException($"front matter line {i + 1} is not 'key: value': \"{Shorten(line)}\"");
            var key = line[..colon].Trim();
            var value = Unquote(line[(colon + 1)..].Trim());
            values[key] = value;
            listKey = value.Length == 0 ? key : null;
        }

        index = close + 1;
        return values;
    }

    private static int HeadingLevel(string line)
    {
        var level = 0;
        while (level < line.Length && level < 6 && line[level] == '#')
            level++;
        // "#hashtag" is text, "# Title" is a heading.
        return level > 0 && level < line.Length && line[level] == ' ' ? level : 0;
    }

    private static string[] ParseTags(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return [];
        return value.Trim().TrimStart('[').TrimEnd(']')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Unquote)
            .Where(t => t.Length > 0)
            .ToArray();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    private static string FirstNonEmpty(params string?[] values) =>
        values.First(v => !string.IsNullOrWhiteSpace(v))!;

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
