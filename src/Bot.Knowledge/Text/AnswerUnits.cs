using System.Text.RegularExpressions;

namespace Bot.Knowledge.Text;

/// <summary>
/// The stretches of a passage that can be given as an answer: its sentences, except that a
/// sentence of fewer than <see cref="MinWords"/> words is joined to the one after it (the last
/// one to the one before). "Meet Pastor Kim." or "This documentary?" alone say nothing, yet they
/// sit close in meaning to many questions and, scored alone, won answers they cannot give.
/// Indexing embeds these units and the answer engine scores them, so both must cut a passage
/// the same way: this is the one place that does.
/// </summary>
public static partial class AnswerUnits
{
    /// <summary>A sentence shorter than this is a heading-like fragment, not an answer.</summary>
    public const int MinWords = 5;

    /// <summary>Each unit's span, in order, covering the passage's sentences.</summary>
    public static IReadOnlyList<TextSpan> Spans(string paragraph)
    {
        var sentences = SentenceSplitter.Spans(paragraph);
        var units = new List<TextSpan>(sentences.Count);
        TextSpan? pending = null;
        foreach (var sentence in sentences)
        {
            var span = pending is { } p ? Join(p, sentence) : sentence;
            if (Words(paragraph, sentence) < MinWords && pending is null)
            {
                pending = span;
                continue;
            }

            units.Add(span);
            pending = null;
        }

        if (pending is { } last)
        {
            if (units.Count > 0)
                units[^1] = Join(units[^1], last);
            else
                units.Add(last);
        }

        return units;
    }

    /// <summary>The units' texts, in order.</summary>
    public static IReadOnlyList<string> Split(string paragraph) =>
        Spans(paragraph).Select(s => paragraph.Substring(s.Start, s.Length)).ToArray();

    /// <summary>
    /// A unit read with what it continues: the unit before it, or for the first unit the section
    /// heading. "He's a Presbyterian pastor who..." is about "Pastor Kim" only together with the
    /// sentence before it.
    /// </summary>
    public static IReadOnlyList<string> Contexts(IReadOnlyList<string> units, string heading)
    {
        var contexts = new string[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var before = i == 0 ? heading : units[i - 1];
            contexts[i] = string.IsNullOrWhiteSpace(before) ? units[i] : $"{before.TrimEnd()} {units[i]}";
        }

        return contexts;
    }

    /// <summary>
    /// A unit's clauses, when it has more than one: "He runs Caleb Mission" | "and has helped more
    /// than 1,000 defectors …". A sentence that says two things sits halfway between them in
    /// meaning, so a question about either one finds it only through the clause that says it.
    /// Cut at commas, semicolons, colons, dashes, "and", "but" and "while", then joined again
    /// until every clause has <see cref="MinClauseWords"/> words. Empty for a one-clause unit.
    /// </summary>
    public static IReadOnlyList<string> Clauses(string unit)
    {
        var pieces = ClauseBreak().Split(unit).Where(p => p.Length > 0).ToList();
        var clauses = new List<string>();
        var current = "";
        foreach (var piece in pieces)
        {
            current = current.Length == 0 ? piece : current + piece;
            if (Word().Count(current) >= MinClauseWords)
            {
                clauses.Add(current.Trim());
                current = "";
            }
        }

        if (current.Trim().Length > 0)
        {
            if (clauses.Count > 0)
                clauses[^1] = (clauses[^1] + current).Trim();
            else
                clauses.Add(current.Trim());
        }

        return clauses.Count > 1 ? clauses : [];
    }

    /// <summary>A clause shorter than this is a fragment ("the director") and joins the next.</summary>
    public const int MinClauseWords = 4;

    /// <summary>The heading a passage is read under: "Title > Section", or the title alone.</summary>
    public static string Heading(string title, string section) =>
        string.IsNullOrWhiteSpace(section) ? title : $"{title}. {section}";

    private static TextSpan Join(TextSpan first, TextSpan second) => new(first.Start, second.End - first.Start);

    private static int Words(string text, TextSpan span) => Word().Count(text.AsSpan(span.Start, span.Length));

    /// <summary>Splits after a clause mark and its space, or before "and", "but", "while": nothing is dropped, so the pieces join back as written.</summary>
    [GeneratedRegex(@"(?<=[,;:\u2014\u2013]\s+)(?=\S)|(?<=\s)(?=(?:and|but|while)\s)")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?")]
    private static partial Regex Word();
}
