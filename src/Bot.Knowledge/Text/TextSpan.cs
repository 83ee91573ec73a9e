namespace Bot.Knowledge.Text;

/// <summary>A stretch of a passage's text, by character offset.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
}
