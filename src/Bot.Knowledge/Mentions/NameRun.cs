namespace Bot.Knowledge.Mentions;

/// <summary>A run of capitalised words that may name someone or something.</summary>
/// <param name="Text">The run as written, possessive ending left out.</param>
/// <param name="Key">The run in lower case, its words separated by single spaces: the same name wherever it occurs.</param>
/// <param name="NameWords">Its words in lower case without titles and connectors ("kim" for "Pastor Kim"): two names are the same one when one's words are among the other's.</param>
/// <param name="Kin">With <see cref="Cues.Family"/>, the word after the run ("family", "families"); otherwise null.</param>
internal sealed record NameRun(int Start, int Length, string Text, string Key, IReadOnlySet<string> NameWords, Cues Cues, string? Kin = null)
{
    /// <summary>How many words the run has, titles and connectors included.</summary>
    public int WordCount => Key.Count(c => c == ' ') + 1;
}
