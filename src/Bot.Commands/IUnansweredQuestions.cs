namespace Bot.Commands;

/// <summary>
/// Where questions the knowledge could not answer are recorded, so moderators can see what to add
/// to the knowledge folder. Records the question and where it was asked, never who asked it.
/// </summary>
public interface IUnansweredQuestions
{
    /// <summary>Counts one more asking of <paramref name="question"/> in <paramref name="guildId"/> (null: direct messages, the console).</summary>
    ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken);

    /// <summary>
    /// The questions asked most often in <paramref name="guildId"/> (null: outside any guild), most
    /// asked first, then most recently asked; at most <paramref name="limit"/>. A store that keeps
    /// nothing has none.
    /// </summary>
    ValueTask<IReadOnlyList<UnansweredQuestionCount>> TopAsync(string? guildId, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<UnansweredQuestionCount>>([]);
}

/// <summary>One unanswered question as moderators see it: no one's name on it.</summary>
/// <param name="Question">As it was first asked: user text, escape it before showing it.</param>
/// <param name="Count">How many times it was asked there.</param>
public sealed record UnansweredQuestionCount(string Question, long Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked);
