using Lucene.Net.Analysis.Synonym;

namespace Bot.Knowledge.Analysis;

/// <summary>A synonym file read in the Solr format, with the lines that could not be used.</summary>
/// <param name="Map">The usable synonyms; null when there are none.</param>
/// <param name="Problems">One entry per skipped line: its number and why.</param>
public sealed record SynonymFile(SynonymMap? Map, IReadOnlyList<string> Problems)
{
    public static SynonymFile Empty { get; } = new(null, []);

    public const string FileName = "synonyms.txt";

    /// <summary>
    /// Parses Solr-format synonyms. Each line is checked on its own first so one bad line
    /// (say, an entry made only of stop words) costs that line, not the whole file.
    /// </summary>
    public static SynonymFile Parse(string text)
    {
        using var analyzer = TextAnalysis.CreateIndexAnalyzer();
        var good = new List<string>();
        var problems = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            try
            {
                var probe = new SolrSynonymParser(dedup: true, expand: true, analyzer);
                probe.Parse(new StringReader(line));
                probe.Build();
                good.Add(line);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"line {i + 1}: {Describe(e)}");
            }
        }

        if (good.Count == 0)
            return new SynonymFile(null, problems);
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        parser.Parse(new StringReader(string.Join('\n', good)));
        return new SynonymFile(parser.Build(), problems);
    }

    /// <summary>Reads <c>synonyms.txt</c> from the knowledge folder; a missing file means no synonyms.</summary>
    public static SynonymFile Load(string knowledgeFolder)
    {
        var path = Path.Combine(knowledgeFolder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    private static string Describe(Exception e)
    {
        var message = (e.InnerException ?? e).Message;
        return string.IsNullOrWhiteSpace(message) ? e.GetType().Name : message.ReplaceLineEndings(" ");
    }
}
