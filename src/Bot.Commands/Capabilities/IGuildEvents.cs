using Bot.Commands.Definitions;

namespace Bot.Commands.Capabilities;

/// <summary>
/// Creating a server's scheduled event: what <c>/watchparty schedule</c> needs of the transport.
/// Implemented by each transport (Discord's REST API, the console); <see cref="NoGuildEvents"/> when there is none.
/// </summary>
public interface IGuildEvents
{
    /// <summary>Creates the event; never throws for a refusal, only says what came of it.</summary>
    ValueTask<GuildEventResult> CreateAsync(GuildEventRequest request, CancellationToken cancellationToken);
}

/// <summary>An event to create.</summary>
/// <param name="GuildId">The server, opaque; null outside any server (then no event can be made).</param>
/// <param name="Name">1 to 100 characters.</param>
/// <param name="Description">1 to 1000 characters.</param>
/// <param name="End">After <paramref name="Start"/>.</param>
/// <param name="Place">A voice or stage channel, or a place described in words.</param>
public sealed record GuildEventRequest(string? GuildId, string Name, string Description, DateTimeOffset Start, DateTimeOffset End, GuildEventPlace Place);

/// <summary>Where an event happens: a channel of the server (<see cref="ChannelId"/> and its kind), or elsewhere (<see cref="Location"/>).</summary>
public sealed record GuildEventPlace
{
    private GuildEventPlace(string? channelId, ChannelKind kind, string? location)
    {
        ChannelId = channelId;
        ChannelKind = kind;
        Location = location;
    }

    public string? ChannelId { get; }

    /// <summary><see cref="Definitions.ChannelKind.Voice"/> or <see cref="Definitions.ChannelKind.Stage"/> for a channel.</summary>
    public ChannelKind ChannelKind { get; }

    /// <summary>1 to 100 characters, for an event outside the server's channels.</summary>
    public string? Location { get; }

    public static GuildEventPlace Channel(string channelId, ChannelKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        if (kind is not (ChannelKind.Voice or ChannelKind.Stage))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Events take place in voice or stage channels.");
        return new(channelId, kind, null);
    }

    public static GuildEventPlace Elsewhere(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return new(null, ChannelKind.Unknown, location);
    }
}

/// <summary>What came of creating an event.</summary>
/// <param name="EventId">The event's id, when <see cref="GuildEventOutcome.Created"/>.</param>
/// <param name="Problem">For <see cref="GuildEventOutcome.Failed"/>: what the transport said, in a few words.</param>
public sealed record GuildEventResult(GuildEventOutcome Outcome, string? EventId = null, string? Problem = null);

public enum GuildEventOutcome
{
    Created,

    /// <summary>The bot lacks the Create Events permission (or one the channel needs).</summary>
    BotMissingPermission,

    /// <summary>Not in a server: direct messages have no events.</summary>
    NotInGuild,

    /// <summary>This transport has no events (the local console).</summary>
    NotAvailable,

    Failed,
}

/// <summary>No transport to create events with: every event is <see cref="GuildEventOutcome.NotAvailable"/>.</summary>
public sealed class NoGuildEvents : IGuildEvents
{
    public static NoGuildEvents Instance { get; } = new();

    public ValueTask<GuildEventResult> CreateAsync(GuildEventRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new GuildEventResult(GuildEventOutcome.NotAvailable));
}
