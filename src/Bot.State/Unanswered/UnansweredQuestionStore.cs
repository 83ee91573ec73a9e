using Bot.Commands;
using Bot.Limits;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.State.Unanswered;

/// <summary>
/// Unanswered questions in the state database, counted per guild and normalised question (see
/// <see cref="QuestionKey"/>). Each asking is one UPSERT, atomic in SQLite, so parallel askings
/// of the same question all count. Times come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class UnansweredQuestionStore(StateDatabase database, TimeProvider time, ILogger<UnansweredQuestionStore> logger) : IUnansweredQuestions
{
    /// <summary>Longest question kept, in characters; longer ones are cut (a Discord option can hold 6000).</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Most rows <see cref="TopUnansweredAsync"/> returns at once.</summary>
    public const int MaxLimit = 1000;

    /// <summary>
    /// Distinct questions kept per server: the most recently asked. Without a cap, members (or a
    /// script) asking ever-new questions would grow the table without bound.
    /// </summary>
    public const int MaxQuestionsPerServer = 1000;

    /// <summary>
    /// Counts one more asking. Blank questions are ignored. A database failure is logged, not
    /// thrown: the asker still gets their reply, and only the count is lost.
    /// </summary>
    public async ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Trim();
        if (text.Length == 0)
            return;
        text = text[..TextLimits.SafeCut(text, MaxQuestionLength)];
        var now = StateTime.Write(time.GetUtcNow());

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);

            // The count and the trim commit together: one write to the log instead of two.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO unanswered_questions (guild_id, question_key, question, count, first_asked, last_asked)
                VALUES ($guild, $key, $question, 1, $now, $now)
                ON CONFLICT (guild_id, question_key) DO UPDATE SET
                    count = count + 1,
                    last_asked = max(last_asked, excluded.last_asked)
                """;
            command.Parameters.AddWithValue("$guild", guildId ?? "");
            command.Parameters.AddWithValue("$key", QuestionKey.From(text));
            command.Parameters.AddWithValue("$question", text);
            command.Parameters.AddWithValue("$now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);

            // Past the cap, the questions asked least recently in this server go.
            await using var trim = connection.CreateCommand();
            trim.Transaction = transaction;
            trim.CommandText = """
                DELETE FROM unanswered_questions
                WHERE guild_id = $guild AND question_key NOT IN (
                    SELECT question_key FROM unanswered_questions
                    WHERE guild_id = $guild
                    ORDER BY last_asked DESC, question_key
                    LIMIT $cap)
                """;
            trim.Parameters.AddWithValue("$guild", guildId ?? "");
            trim.Parameters.AddWithValue("$cap", MaxQuestionsPerServer);
            await trim.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            Log.RecordFailed(logger, e, database.Path);
        }
    }

    /// <summary>
    /// The questions asked most often in <paramref name="guildId"/> (null: outside any guild),
    /// most asked first, then most recently asked.
    /// </summary>
    /// <param name="limit">1 to <see cref="MaxLimit"/>.</param>
    public async Task<IReadOnlyList<UnansweredQuestion>> TopUnansweredAsync(string? guildId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT question, count, first_asked, last_asked
            FROM unanswered_questions
            WHERE guild_id = $guild
            ORDER BY count DESC, last_asked DESC, question_key
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$guild", guildId ?? "");
        command.Parameters.AddWithValue("$limit", limit);
        var questions = new List<UnansweredQuestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            questions.Add(new UnansweredQuestion(
                reader.GetString(0),
                string.IsNullOrEmpty(guildId) ? null : guildId,
                reader.GetInt64(1),
                StateTime.Read(reader.GetString(2)),
                StateTime.Read(reader.GetString(3))));
        }

        return questions;
    }

    /// <summary>For <c>/unanswered</c>: <see cref="TopUnansweredAsync"/> with the limit brought within 1 to <see cref="MaxLimit"/>.</summary>
    public async ValueTask<IReadOnlyList<UnansweredQuestionCount>> TopAsync(string? guildId, int limit, CancellationToken cancellationToken)
    {
        var top = await TopUnansweredAsync(guildId, Math.Clamp(limit, 1, MaxLimit), cancellationToken);
        return top.Select(q => new UnansweredQuestionCount(q.Question, q.Count, q.FirstAsked, q.LastAsked)).ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Could not record an unanswered question in {Database}")]
        public static partial void RecordFailed(ILogger logger, Exception exception, string database);
    }
}
