namespace Bot.Commands;

/// <summary>
/// Where questions the knowledge could not answer are recorded, so moderators can see what to add
/// to the knowledge folder. Records the question and where it was asked, never who asked it.
/// </summary>
public interface IUnansweredQuestions
{
    /// <summary>Counts one more asking of <paramref name="question"/> in <paramref name="guildId"/> (null: direct messages, the console).</summary>
    ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken);
}
