using Bot.Commands.Summaries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.State.Summaries;

/// <summary>The summaries the bot pinned, in the state database: where, which message, on what topic, when.</summary>
public sealed partial class PinnedSummaryStore(StateDatabase database, TimeProvider time, ILogger<PinnedSummaryStore> logger) : IPinnedSummaries
{
    /// <summary>Most rows <see cref="ListAsync"/> returns.</summary>
    public const int MaxList = 250;

    /// <summary>
    /// Records a pin (again: the latest topic and time win). A database failure is logged, not
    /// thrown: the message is pinned whatever the record says.
    /// </summary>
    public async ValueTask RecordAsync(string? guildId, string channelId, string messageId, string? topic, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO pinned_summaries (guild_id, channel_id, message_id, topic, pinned_at)
                VALUES ($guild, $channel, $message, $topic, $now)
                ON CONFLICT (channel_id, message_id) DO UPDATE SET
                    topic = excluded.topic,
                    pinned_at = excluded.pinned_at
                """;
            command.Parameters.AddWithValue("$guild", guildId ?? "");
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$message", messageId);
            command.Parameters.AddWithValue("$topic", topic ?? "");
            command.Parameters.AddWithValue("$now", StateTime.Write(time.GetUtcNow()));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            Log.RecordFailed(logger, e, database.Path);
        }
    }

    public async ValueTask<IReadOnlyList<PinnedSummary>> ListAsync(string? guildId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT channel_id, message_id, topic, pinned_at
            FROM pinned_summaries
            WHERE guild_id = $guild
            ORDER BY pinned_at DESC, channel_id, message_id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$guild", guildId ?? "");
        command.Parameters.AddWithValue("$limit", MaxList);
        var pinned = new List<PinnedSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var topic = reader.GetString(2);
            pinned.Add(new PinnedSummary(reader.GetString(0), reader.GetString(1), topic.Length == 0 ? null : topic, StateTime.Read(reader.GetString(3))));
        }

        return pinned;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Could not record a pinned summary in {Database}")]
        public static partial void RecordFailed(ILogger logger, Exception exception, string database);
    }
}
