namespace Bot.Knowledge.Mentions;

/// <summary>
/// Where each quotation of a sentence (curly or straight marks) opens and closes. A closing mark
/// without an opening one ("Beyond Utopia” isn’t") closes a quotation that began before the
/// sentence; an opening mark never closed runs to its end. What is quoted is a title or words
/// spoken, not a fact to ask about.
/// </summary>
internal static class Quotations
{
    public static IReadOnlyList<(int Start, int End)> Of(string sentence)
    {
        var spans = new List<(int, int)>();
        int? curly = null, straight = null;
        for (var i = 0; i < sentence.Length; i++)
        {
            switch (sentence[i])
            {
                case '\u201C':
                    curly = i;
                    break;
                case '\u201D':
                    spans.Add((curly ?? -1, i));
                    curly = null;
                    break;
                case '"' when straight is null:
                    straight = i;
                    break;
                case '"':
                    spans.Add((straight!.Value, i));
                    straight = null;
                    break;
            }
        }

        if (curly is { } openCurly)
            spans.Add((openCurly, sentence.Length));
        if (straight is { } openStraight)
            spans.Add((openStraight, sentence.Length));
        return spans;
    }

    /// <summary>Whether the character at <paramref name="position"/> stands inside one of the quotations.</summary>
    public static bool Inside(IReadOnlyList<(int Start, int End)> quotations, int position) =>
        quotations.Any(q => position > q.Start && position < q.End);
}
