using System.Globalization;
using System.Text;

namespace Bot.Knowledge.Fitting;

/// <summary>Answer and abstention accuracy of decided outcomes (an abstention has no unit), by set and pooled.</summary>
public sealed record OutcomeReport(string Set, int InScope, int OutOfScope, double AnswerAccuracy, double AbstainAccuracy, double MedianAnswerChars)
{
    /// <summary>In-scope questions whose first-ranked unit answers, abstention aside.</summary>
    public double RankedAccuracy { get; init; }
    public static IReadOnlyList<OutcomeReport> BySet(IReadOnlyList<FitOutcome> outcomes)
    {
        var reports = outcomes.GroupBy(o => o.Question.Set).Select(g => Of(g.Key, g.ToArray())).ToList();
        if (reports.Count > 1)
            reports.Add(Of("pooled", outcomes));
        return reports;
    }

    public static OutcomeReport Of(string set, IReadOnlyList<FitOutcome> outcomes)
    {
        var (answers, abstentions) = Thresholds.Accuracy(outcomes, threshold: double.MinValue);
        var lengths = outcomes.Where(o => o.Top >= 0 && o.Question.Question.InScope).Select(o => o.Question.Units[o.Top].Length).Order().ToArray();
        var median = lengths.Length == 0 ? 0 : lengths.Length % 2 == 1 ? lengths[lengths.Length / 2] : (lengths[lengths.Length / 2 - 1] + lengths[lengths.Length / 2]) / 2.0;
        return new OutcomeReport(
            set, outcomes.Count(o => o.Question.Question.InScope), outcomes.Count(o => !o.Question.Question.InScope),
            Math.Round(answers, 3), Math.Round(abstentions, 3), median)
        {
            RankedAccuracy = Math.Round((double)outcomes.Count(o => o.Question.Question.InScope && o.IsRankedRight) / Math.Max(1, outcomes.Count(o => o.Question.Question.InScope)), 3),
        };
    }

    public static string Table(IReadOnlyList<OutcomeReport> reports, string heading)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"{heading}");
        s.AppendLine("| set | in | out | answer_acc | abstain_acc | answer_chars_median | ranked_first_right |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in reports)
            s.AppendLine(c, $"| {r.Set} | {r.InScope} | {r.OutOfScope} | {r.AnswerAccuracy:0.000} | {r.AbstainAccuracy:0.000} | {r.MedianAnswerChars:0.#} | {(double.IsNaN(r.RankedAccuracy) ? "–" : r.RankedAccuracy.ToString("0.000", c))} |");
        return s.ToString();
    }
}
