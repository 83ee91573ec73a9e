using System.Text.Json.Serialization;
using Bot.Discord.Models.Channels;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Interactions;

/// <summary>
/// An interaction: the <c>d</c> of INTERACTION_CREATE, or the body Discord POSTs to the endpoint.
/// Fields that are always sent today but missing from older documented payloads are nullable here.
/// </summary>
public sealed record Interaction
{
    public ulong Id { get; init; }

    public ulong? ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    /// <summary>Everything but PING.</summary>
    public InteractionData? Data { get; init; }

    public PartialGuild? Guild { get; init; }

    public ulong? GuildId { get; init; }

    public Channel? Channel { get; init; }

    public ulong? ChannelId { get; init; }

    /// <summary>In guilds: the invoker, with <see cref="GuildMember.Permissions"/> effective in the channel.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>In DMs: the invoker.</summary>
    public User? User { get; init; }

    /// <summary>Valid for 15 minutes; the credential for the callback and follow-ups.</summary>
    public string Token { get; init; } = "";

    /// <summary>Always 1.</summary>
    public int? Version { get; init; }

    /// <summary>Components: the message the component is on.</summary>
    public Message? Message { get; init; }

    /// <summary>The bot's permissions in the channel.</summary>
    public Permissions? AppPermissions { get; init; }

    /// <summary>The invoker's language (not on PING).</summary>
    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public IReadOnlyList<Entitlement>? Entitlements { get; init; }

    /// <summary>Key <c>"0"</c>: guild id (or "0" in the bot's DM) for guild installs; <c>"1"</c>: user id for user installs.</summary>
    public IReadOnlyDictionary<string, ulong>? AuthorizingIntegrationOwners { get; init; }

    public InteractionContextType? Context { get; init; }

    /// <summary>Largest attachment the bot may send here, in bytes.</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>Who invoked it: the member's user in guilds, <see cref="User"/> in DMs.</summary>
    [JsonIgnore]
    public User? Invoker => Member?.User ?? User;

    // The token is a credential: keep it out of logs that print the record.
    public override string ToString() =>
        $"Interaction {{ Id = {Id}, Type = {Type}, GuildId = {GuildId}, ChannelId = {ChannelId}, Name = {Data?.Name}, CustomId = {Data?.CustomId} }}";
}
