using Bot.Discord.Models.Channels;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Interactions;

/// <summary>Objects referred to by id in an interaction's options or values, keyed by id.</summary>
public sealed record ResolvedData
{
    public IReadOnlyDictionary<ulong, User>? Users { get; init; }

    /// <summary>Partial members without <c>user</c>, <c>deaf</c> and <c>mute</c>.</summary>
    public IReadOnlyDictionary<ulong, GuildMember>? Members { get; init; }

    public IReadOnlyDictionary<ulong, Role>? Roles { get; init; }

    /// <summary>Partial channels, with the invoker's permissions.</summary>
    public IReadOnlyDictionary<ulong, Channel>? Channels { get; init; }

    public IReadOnlyDictionary<ulong, Message>? Messages { get; init; }

    public IReadOnlyDictionary<ulong, Attachment>? Attachments { get; init; }
}
