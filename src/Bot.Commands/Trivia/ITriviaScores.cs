namespace Bot.Commands.Trivia;

/// <summary>
/// Trivia answers and the scores they make, per server. Only a member's first answer to a question
/// counts: a point when it was right, nothing more for answering again (so clicking every option
/// earns nothing). Must count every member's first answer when many click at once.
/// </summary>
public interface ITriviaScores
{
    /// <summary>Records <paramref name="userId"/>'s answer to <paramref name="questionId"/> unless they answered it before.</summary>
    ValueTask<TriviaAnswerRecord> RecordAnswerAsync(string? guildId, string userId, string questionId, bool right, CancellationToken cancellationToken);

    /// <summary>The members with the most points in <paramref name="guildId"/>, best first; members without points are left out.</summary>
    ValueTask<IReadOnlyList<TriviaScore>> TopAsync(string? guildId, int limit, CancellationToken cancellationToken);
}

/// <summary>What recording an answer did.</summary>
/// <param name="Counted">True for the member's first answer to the question; false when they had answered it before.</param>
/// <param name="FirstWasRight">Whether the answer that counts (this one, or the earlier one) was right.</param>
/// <param name="Points">The member's points in the server now.</param>
public sealed record TriviaAnswerRecord(bool Counted, bool FirstWasRight, long Points);

/// <param name="UserId">Opaque, as <see cref="CommandInvoker.UserId"/>.</param>
/// <param name="Points">Questions whose first answer was right.</param>
/// <param name="Answered">Questions answered at all.</param>
public sealed record TriviaScore(string UserId, long Points, long Answered);

/// <summary>Scores kept in memory, lost on restart: what <c>AddBotCommands</c> registers when no state store is.</summary>
public sealed class InMemoryTriviaScores : ITriviaScores
{
    private readonly Dictionary<(string Guild, string Question, string User), bool> _answers = [];
    private readonly Lock _gate = new();

    public ValueTask<TriviaAnswerRecord> RecordAnswerAsync(string? guildId, string userId, string questionId, bool right, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(questionId);
        var guild = guildId ?? "";
        lock (_gate)
        {
            var counted = _answers.TryAdd((guild, questionId, userId), right);
            var first = _answers[(guild, questionId, userId)];
            var points = _answers.LongCount(a => a.Key.Guild == guild && a.Key.User == userId && a.Value);
            return ValueTask.FromResult(new TriviaAnswerRecord(counted, first, points));
        }
    }

    public ValueTask<IReadOnlyList<TriviaScore>> TopAsync(string? guildId, int limit, CancellationToken cancellationToken)
    {
        var guild = guildId ?? "";
        lock (_gate)
        {
            IReadOnlyList<TriviaScore> top = _answers
                .Where(a => a.Key.Guild == guild)
                .GroupBy(a => a.Key.User, StringComparer.Ordinal)
                .Select(g => new TriviaScore(g.Key, g.LongCount(a => a.Value), g.LongCount()))
                .Where(s => s.Points > 0)
                .OrderByDescending(s => s.Points)
                .ThenBy(s => s.Answered)
                .ThenBy(s => s.UserId, StringComparer.Ordinal)
                .Take(limit)
                .ToArray();
            return ValueTask.FromResult(top);
        }
    }
}
