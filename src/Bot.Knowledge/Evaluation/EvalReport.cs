using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Evaluation;

/// <summary>
/// Scores answers against a question set exactly as <c>shared/eval/score.py</c> does, so the
/// figures printed by <c>eval</c> and by the scorer agree.
/// </summary>
public sealed partial record EvalReport(
    double AnswerAccuracy,
    double PassageHitAt1,
    double Mrr5,
    double AbstainAccuracy,
    double QaScore,
    double MedianAnswerChars,
    int InScope,
    int OutOfScope,
    IReadOnlyList<string> Misses)
{
    public static EvalReport Score(IReadOnlyList<EvalQuestion> questions, IReadOnlyList<Answer> answers)
    {
        int answerHits = 0, hit1 = 0, abstained = 0;
        double reciprocal = 0;
        var lengths = new List<int>();
        var misses = new List<string>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var a = answers[i];
            var passages = a.Passages.Select(p => p.Passage.Text).ToArray();
            if (q.InScope)
            {
                if (a.Answered && Hit(a.Sentence, q.Expect))
                    answerHits++;
                else
                    misses.Add($"{q.Id}(answer)");
                if (passages.Length > 0 && Hit(passages[0], q.Expect))
                    hit1++;
                var rank = Array.FindIndex(passages.Take(5).ToArray(), p => Hit(p, q.Expect));
                if (rank >= 0)
                    reciprocal += 1.0 / (rank + 1);
                if (a.Answered && a.Sentence.Length > 0)
                    lengths.Add(a.Sentence.Length);
            }
            else if (!a.Answered)
            {
                abstained++;
            }
            else
            {
                misses.Add($"{q.Id}(should abstain)");
            }
        }

        var ins = Math.Max(1, questions.Count(q => q.InScope));
        var outs = Math.Max(1, questions.Count(q => !q.InScope));
        return new EvalReport(
            Round(answerHits, ins), Round(hit1, ins), Math.Round(reciprocal / ins, 3), Round(abstained, outs),
            Round(answerHits + abstained, Math.Max(1, questions.Count)), Median(lengths),
            questions.Count(q => q.InScope), questions.Count(q => !q.InScope), misses);
    }

    public override string ToString()
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"answer_acc: {AnswerAccuracy:0.###}");
        s.AppendLine(c, $"passage_hit1: {PassageHitAt1:0.###}");
        s.AppendLine(c, $"mrr5: {Mrr5:0.###}");
        s.AppendLine(c, $"abstain_acc: {AbstainAccuracy:0.###}");
        s.AppendLine(c, $"qa_score: {QaScore:0.###}");
        s.AppendLine(c, $"answer_chars_median: {MedianAnswerChars:0.#}");
        s.AppendLine(c, $"n_in: {InScope}");
        s.AppendLine(c, $"n_out: {OutOfScope}");
        s.Append("misses: ").Append(string.Join(' ', Misses));
        return s.ToString();
    }

    internal static bool Hit(string text, IReadOnlyList<string> expect)
    {
        var t = Normalize(text);
        return expect.Any(e => t.Contains(Normalize(e), StringComparison.Ordinal));
    }

    /// <summary>score.py's <c>norm</c>: NFKC, lower case, straight quotes, no Discord markdown, single spaces.</summary>
    internal static string Normalize(string s)
    {
        s = s.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
        s = Markdown().Replace(s, "");
        return Spaces().Replace(s, " ").Trim();
    }

    private static double Round(int hits, int of) => Math.Round((double)hits / of, 3);

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
            return 0;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }

    [GeneratedRegex(@"[*_`|~>]")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
