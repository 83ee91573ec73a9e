namespace Bot.Commands.Summaries;

/// <summary>The summaries the bot has pinned, so they can be found (and one day refreshed) later.</summary>
public interface IPinnedSummaries
{
    /// <summary>Records that the summary of <paramref name="topic"/> (null: the whole knowledge) was pinned as <paramref name="messageId"/>.</summary>
    ValueTask RecordAsync(string? guildId, string channelId, string messageId, string? topic, CancellationToken cancellationToken);

    /// <summary>The summaries pinned in <paramref name="guildId"/>, latest first.</summary>
    ValueTask<IReadOnlyList<PinnedSummary>> ListAsync(string? guildId, CancellationToken cancellationToken);
}

/// <param name="Topic">Null for a summary of the whole knowledge.</param>
public sealed record PinnedSummary(string ChannelId, string MessageId, string? Topic, DateTimeOffset PinnedAt);

/// <summary>Pinned summaries kept in memory, lost on restart: what <c>AddBotCommands</c> registers when no state store is.</summary>
public sealed class InMemoryPinnedSummaries(TimeProvider time) : IPinnedSummaries
{
    private readonly List<(string Guild, PinnedSummary Summary)> _pinned = [];
    private readonly Lock _gate = new();

    public ValueTask RecordAsync(string? guildId, string channelId, string messageId, string? topic, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _pinned.RemoveAll(p => p.Summary.ChannelId == channelId && p.Summary.MessageId == messageId);
            _pinned.Add((guildId ?? "", new PinnedSummary(channelId, messageId, topic, time.GetUtcNow())));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PinnedSummary>> ListAsync(string? guildId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<PinnedSummary> list = _pinned.Where(p => p.Guild == (guildId ?? "")).Select(p => p.Summary).Reverse().ToArray();
            return ValueTask.FromResult(list);
        }
    }
}
