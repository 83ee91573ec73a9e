using System.Globalization;
using System.Text;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;

namespace Bot.Benchmarks;

/// <summary>
/// Writes a deterministic knowledge folder of <see cref="Documents"/> × <see cref="ParagraphsPerDocument"/>
/// passages made by recombining the sentences of the knowledge folder's own articles (3 to 5 drawn
/// at random per paragraph, headings drawn from its titles and sections), plus the articles
/// themselves. Real English sentences, so the model sees texts of the lengths and wordpieces it
/// meets in real knowledge: a load fixture for the embedding time, never shipped in knowledge/.
/// </summary>
internal static class RecombinedCorpus
{
    public const int Documents = 200;
    public const int ParagraphsPerDocument = 50;
    private const int Seed = 20_251_205;

    /// <summary><c>--write-corpus DIR [--documents N]</c>: writes the folder to DIR, to run the bot on by hand.</summary>
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException("--write-corpus needs a folder: --write-corpus DIR [--documents N]");
        var documents = Harness.Options(args[1..], "documents").Int("documents", Documents);
        var passages = Write(args[0], BenchmarkInputs.ShippedKnowledgeFolder, documents);
        Console.WriteLine($"wrote {passages:N0} recombined passages in {documents} files, and the shipped knowledge, to {Path.GetFullPath(args[0])}");
        return 0;
    }

    /// <summary>Fills <paramref name="folder"/> and returns the number of passages written (the copied articles' not counted).</summary>
    /// <param name="documents">Fewer than <see cref="Documents"/> writes the first ones of the same corpus.</param>
    public static int Write(string folder, string shippedKnowledgeFolder, int documents = Documents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documents, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(documents, Documents);
        var articles = Directory.EnumerateFiles(shippedKnowledgeFolder, "*.md").Order(StringComparer.Ordinal)
            .Select(path => MarkdownDocumentParser.Parse(Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToArray();
        var sentences = articles.SelectMany(a => a.Passages)
            .SelectMany(p => SentenceSplitter.Spans(p.Text).Select(s => p.Text.Substring(s.Start, s.Length).Trim()))
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var headings = articles.SelectMany(a => a.Passages.Select(p => p.Section).Append(a.Title))
            .Where(h => h.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        Directory.CreateDirectory(folder);
        var random = new Random(Seed);
        var text = new StringBuilder(64 * 1024);
        for (var d = 0; d < documents; d++)
        {
            text.Clear();
            var title = $"{headings[random.Next(headings.Length)]}, part {(d + 1).ToString(CultureInfo.InvariantCulture)}";
            if (d % 2 == 0)
                text.Append("---\ntitle: ").Append(title).Append("\nsource: Recombined benchmark document ").Append(d.ToString(CultureInfo.InvariantCulture)).Append("\n---\n\n");
            text.Append("# ").Append(title).Append("\n\n");
            for (var p = 0; p < ParagraphsPerDocument; p++)
            {
                if (p % 5 == 0)
                    text.Append("## ").Append(headings[random.Next(headings.Length)]).Append("\n\n");
                var count = random.Next(3, 6);
                for (var s = 0; s < count; s++)
                    text.Append(s > 0 ? " " : "").Append(sentences[random.Next(sentences.Length)]);
                text.Append("\n\n");
            }

            CorpusWriter.WriteDocument(folder, d, text);
        }

        CorpusWriter.CopyShipped(shippedKnowledgeFolder, folder);
        return documents * ParagraphsPerDocument;
    }
}
