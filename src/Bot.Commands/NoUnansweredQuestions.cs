namespace Bot.Commands;

/// <summary>Keeps nothing: what <c>AddBotCommands</c> registers when no store of unanswered questions is.</summary>
public sealed class NoUnansweredQuestions : IUnansweredQuestions
{
    public static NoUnansweredQuestions Instance { get; } = new();

    public ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
