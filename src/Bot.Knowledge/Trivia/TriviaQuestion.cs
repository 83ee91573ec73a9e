using Bot.Knowledge.Summaries;

namespace Bot.Knowledge.Trivia;

/// <summary>
/// A sentence of the knowledge with one fact blanked out, and four options to fill it: exactly
/// one right, all of <see cref="Kind"/>, all different.
/// </summary>
/// <param name="Id">
/// Compact (at most <see cref="MaxIdLength"/> characters, no ':'), so it fits a button's custom id
/// with room for the command name and the option clicked. <see cref="TriviaGenerator.TryRestore"/>
/// turns it back into this very question, without any state kept between the two.
/// </param>
/// <param name="Text">The sentence with the answer replaced by <see cref="Blank"/>.</param>
/// <param name="Options">Four options in the order to show them.</param>
/// <param name="RightIndex">Which of <see cref="Options"/> is right.</param>
/// <param name="Source">The sentence as written, with where it comes from: show it once the question is answered.</param>
public sealed record TriviaQuestion(string Id, TriviaKind Kind, string Text, IReadOnlyList<string> Options, int RightIndex, KnowledgeSentence Source)
{
    public const string Blank = "_____";

    public const int OptionCount = 4;

    public const int MaxIdLength = 42;

    public string Answer => Options[RightIndex];

    public bool IsRight(int option) => option == RightIndex;
}
