namespace Bot.Knowledge.Mentions;

/// <summary>A word or a number of a sentence and where it stands.</summary>
/// <param name="Text">The word without a possessive ending ("China" for "China’s", "Jesus" for "Jesus’").</param>
/// <param name="End">Where <see cref="Text"/> ends.</param>
/// <param name="RawEnd">Where the token ends, possessive ending included.</param>
internal readonly record struct Token(string Text, int Start, int End, int RawEnd, bool IsNumber, bool Possessive)
{
    public string Lower => Text.ToLowerInvariant();
}
