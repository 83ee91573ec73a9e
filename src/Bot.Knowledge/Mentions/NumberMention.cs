namespace Bot.Knowledge.Mentions;

/// <summary>A number written in digits that may be asked about.</summary>
/// <param name="IsYear">Four digits read as a year ("in 2019"), not a quantity ("1800 kilometres").</param>
internal sealed record NumberMention(int Start, int Length, string Text, decimal Value, bool IsYear);
