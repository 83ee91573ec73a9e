using Bot.Knowledge.Summaries;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Tests.Summaries;

/// <summary>What every summary promises, whatever was asked.</summary>
internal static class SummaryAssert
{
    /// <summary>Word-set overlap above which two sentences say the same thing.</summary>
    private const double NearDuplicate = 0.6;

    public static void WellFormed(Summary summary, string knowledgeText, int maxCharacters = Summarizer.DefaultMaxCharacters, int overhead = 1)
    {
        Assert.Equal(summary.Status == SummaryStatus.Summarized, summary.Sentences.Count > 0);
        Assert.True(summary.Sentences.Count <= Summarizer.MaxSentences);
        Assert.True(summary.Sentences.Sum(s => s.Text.Length + overhead) <= maxCharacters, $"{summary.Sentences.Sum(s => s.Text.Length + overhead)} characters over a budget of {maxCharacters}");
        Assert.True(summary.Text.Length <= maxCharacters);

        foreach (var sentence in summary.Sentences)
        {
            // Verbatim: the sentence is in the file, and is exactly one sentence of its passage.
            Assert.Contains(KnowledgeText.Collapse(sentence.Text), knowledgeText, StringComparison.Ordinal);
            Assert.Equal(sentence.Text, sentence.Passage.Text.Substring(sentence.Span.Start, sentence.Span.Length));
            Assert.Equal(sentence.Text, SentenceSplitter.Split(sentence.Passage.Text)[sentence.Position]);
            var expectedCitation = sentence.Passage.Section.Length == 0 ? sentence.Passage.Title : $"{sentence.Passage.Title} > {sentence.Passage.Section}";
            Assert.Equal(expectedCitation, sentence.Citation);
            Assert.EndsWith(".md", sentence.Passage.Path);
        }

        // Reading order: path, then passage, then position.
        var ordered = summary.Sentences.Order(KnowledgeSentence.ReadingOrder).ToArray();
        Assert.Equal(ordered, summary.Sentences);
        for (var i = 1; i < summary.Sentences.Count; i++)
        {
            var (a, b) = (summary.Sentences[i - 1], summary.Sentences[i]);
            Assert.True(
                string.CompareOrdinal(a.Passage.Path, b.Passage.Path) < 0
                || (a.Passage.Path == b.Passage.Path && (a.Passage.Ordinal, a.Position).CompareTo((b.Passage.Ordinal, b.Position)) < 0),
                $"'{a.Text}' comes before '{b.Text}'");
        }

        // No sentence twice, and no two that say the same thing.
        Assert.Equal(summary.Sentences.Count, summary.Sentences.Select(s => s.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        for (var i = 0; i < summary.Sentences.Count; i++)
        {
            for (var j = i + 1; j < summary.Sentences.Count; j++)
            {
                var overlap = Overlap(summary.Sentences[i].Text, summary.Sentences[j].Text);
                Assert.True(overlap < NearDuplicate, $"'{summary.Sentences[i].Text}' and '{summary.Sentences[j].Text}' overlap {overlap:0.00}");
            }
        }

        Assert.Equal(summary.Sentences.Select(s => s.Passage.Id).Distinct(), summary.Sources.Select(p => p.Id));
    }

    /// <summary>Jaccard overlap of the sentences' lower-case words.</summary>
    public static double Overlap(string a, string b)
    {
        static HashSet<string> Words(string s) => s.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '!', '?', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet();
        var (x, y) = (Words(a), Words(b));
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }
}
