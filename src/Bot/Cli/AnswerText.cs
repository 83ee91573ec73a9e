using System.Text;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Text;

namespace Bot.Cli;

/// <summary>Renders an answer for a terminal: the sentence, the passage with matched words in bold, the source.</summary>
internal static class AnswerText
{
    public const string NotAnswered = "I don't know: nothing in the knowledge folder answers that question.";

    public const string NoQuestion = "There is no question there to answer; ask about the film, e.g. \"Who directed Beyond Utopia?\"";

    /// <param name="bold">Opening and closing marks for matched words: ANSI on a terminal, Markdown <c>**</c> otherwise.</param>
    public static string Render(Answer answer, (string Open, string Close) bold)
    {
        if (!answer.Answered)
            return answer.Abstention == Abstention.EmptyQuestion ? NoQuestion : NotAnswered;

        var best = answer.Passages[0];
        var text = new StringBuilder();
        text.AppendLine(answer.Sentence);
        text.AppendLine();
        text.Append("  ").AppendLine(Emphasize(best.Passage.Text, best.Matches, bold));
        text.AppendLine();
        text.Append("Source: ").Append(best.Passage.Title);
        if (best.Passage.Section.Length > 0)
            text.Append(" > ").Append(best.Passage.Section);
        if (best.Passage.Source != best.Passage.Title)
            text.AppendLine().Append("        ").Append(best.Passage.Source);
        return text.ToString();
    }

    /// <summary>Wraps matched words in bold marks, joining neighbours ("Madeleine Gavin") into one run.</summary>
    public static string Emphasize(string passage, IReadOnlyList<TextSpan> matches, (string Open, string Close) bold)
    {
        var runs = new List<TextSpan>();
        foreach (var span in matches.OrderBy(m => m.Start))
        {
            if (runs.Count > 0 && passage.AsSpan(runs[^1].End, Math.Max(0, span.Start - runs[^1].End)).IsWhiteSpace() && span.Start >= runs[^1].End)
                runs[^1] = new TextSpan(runs[^1].Start, span.End - runs[^1].Start);
            else if (runs.Count == 0 || span.Start >= runs[^1].End)
                runs.Add(span);
        }

        var result = new StringBuilder(passage.Length + runs.Count * 8);
        var at = 0;
        foreach (var run in runs)
        {
            result.Append(passage, at, run.Start - at).Append(bold.Open).Append(passage, run.Start, run.Length).Append(bold.Close);
            at = run.End;
        }

        return result.Append(passage, at, passage.Length - at).ToString();
    }
}
