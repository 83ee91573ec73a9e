using Bot.Commands.Trivia;

namespace Bot.State.Trivia;

/// <summary>
/// Trivia answers in the state database, one row per member and question: the first answer, kept
/// by the primary key (an insert that finds one already there does nothing), so however many
/// clicks arrive at once, each member's first answer counts once and none is lost. Points are the
/// rows answered right, summed per member.
/// </summary>
public sealed class TriviaAnswerStore(StateDatabase database, TimeProvider time) : ITriviaScores
{
    /// <summary>Most rows <see cref="TopAsync"/> returns at once.</summary>
    public const int MaxLimit = 100;

    public async ValueTask<TriviaAnswerRecord> RecordAnswerAsync(string? guildId, string userId, string questionId, bool right, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(questionId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO trivia_answers (guild_id, question_id, user_id, correct, answered_at)
            VALUES ($guild, $question, $user, $right, $now)
            ON CONFLICT (guild_id, question_id, user_id) DO NOTHING
            """;
        insert.Parameters.AddWithValue("$guild", guildId ?? "");
        insert.Parameters.AddWithValue("$question", questionId);
        insert.Parameters.AddWithValue("$user", userId);
        insert.Parameters.AddWithValue("$right", right ? 1 : 0);
        insert.Parameters.AddWithValue("$now", StateTime.Write(time.GetUtcNow()));
        var counted = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;

        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT (SELECT correct FROM trivia_answers WHERE guild_id = $guild AND question_id = $question AND user_id = $user),
                   (SELECT coalesce(sum(correct), 0) FROM trivia_answers WHERE guild_id = $guild AND user_id = $user)
            """;
        read.Parameters.AddWithValue("$guild", guildId ?? "");
        read.Parameters.AddWithValue("$question", questionId);
        read.Parameters.AddWithValue("$user", userId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TriviaAnswerRecord(counted, reader.GetInt64(0) == 1, reader.GetInt64(1));
    }

    /// <summary>Best first: most points, then fewest questions answered (fewer misses), then user id so the order is stable.</summary>
    public async ValueTask<IReadOnlyList<TriviaScore>> TopAsync(string? guildId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user_id, sum(correct) AS points, count(*) AS answered
            FROM trivia_answers
            WHERE guild_id = $guild
            GROUP BY user_id
            HAVING points > 0
            ORDER BY points DESC, answered ASC, user_id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$guild", guildId ?? "");
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, MaxLimit));
        var scores = new List<TriviaScore>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            scores.Add(new TriviaScore(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        return scores;
    }
}
