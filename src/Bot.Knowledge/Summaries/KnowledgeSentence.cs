using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Summaries;

/// <summary>
/// One sentence of the knowledge exactly as written, with the passage it sits in, so whatever
/// shows it (a summary, a trivia question) can say where it comes from.
/// </summary>
/// <param name="Passage">The paragraph holding the sentence: its document path, ordinal, title, section and source.</param>
/// <param name="Position">The sentence's place in its passage, from 0.</param>
/// <param name="Span">Where the sentence sits in <see cref="Documents.Passage.Text"/>.</param>
/// <param name="Text">The sentence verbatim.</param>
public sealed record KnowledgeSentence(Passage Passage, int Position, TextSpan Span, string Text)
{
    /// <summary>Document title, then the section when there is one: "Title > Section".</summary>
    public string Citation => Passage.Section.Length == 0 ? Passage.Title : $"{Passage.Title} > {Passage.Section}";

    /// <summary>Reading order: document path, then passage ordinal, then position in the passage.</summary>
    public static IComparer<KnowledgeSentence> ReadingOrder { get; } = Comparer<KnowledgeSentence>.Create((a, b) =>
    {
        var byPath = string.CompareOrdinal(a.Passage.Path, b.Passage.Path);
        if (byPath != 0)
            return byPath;
        var byOrdinal = a.Passage.Ordinal.CompareTo(b.Passage.Ordinal);
        return byOrdinal != 0 ? byOrdinal : a.Position.CompareTo(b.Position);
    });
}
