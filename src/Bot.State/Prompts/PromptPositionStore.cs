using Bot.Commands.WatchParty;

namespace Bot.State.Prompts;

/// <summary>
/// How many discussion prompts each channel has been given, in the state database: one UPSERT
/// that counts and returns the new count, atomic in SQLite, so two askings at once in a channel
/// get consecutive prompts rather than the same one.
/// </summary>
public sealed class PromptPositionStore(StateDatabase database, TimeProvider time) : IPromptPositions
{
    public async ValueTask<long> NextAsync(string? guildId, string? channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO prompt_positions (guild_id, channel_id, served, last_at)
            VALUES ($guild, $channel, 1, $now)
            ON CONFLICT (guild_id, channel_id) DO UPDATE SET
                served = served + 1,
                last_at = excluded.last_at
            RETURNING served
            """;
        command.Parameters.AddWithValue("$guild", guildId ?? "");
        command.Parameters.AddWithValue("$channel", channelId ?? "");
        command.Parameters.AddWithValue("$now", StateTime.Write(time.GetUtcNow()));
        var served = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return served - 1;
    }
}
