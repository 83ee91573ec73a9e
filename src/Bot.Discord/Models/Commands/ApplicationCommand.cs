using System.Text.Json.Serialization;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Models.Commands;

/// <summary>
/// An application command: the body the bot sends to create or overwrite commands (only
/// <see cref="Name"/>, <see cref="Type"/>, <see cref="Description"/>, options and settings set), and
/// the object Discord returns (with <see cref="Id"/>, <see cref="ApplicationId"/>, <see cref="Version"/>).
/// </summary>
public sealed record ApplicationCommand
{
    public ulong? Id { get; init; }

    /// <summary>Defaults to <see cref="ApplicationCommandType.ChatInput"/>.</summary>
    public ApplicationCommandType? Type { get; init; }

    public ulong? ApplicationId { get; init; }

    /// <summary>Set on guild commands.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>1–32 characters; lower case for slash commands.</summary>
    public string Name { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string>?> NameLocalizations { get; init; }

    /// <summary>Returned by list requests without <c>with_localizations</c>.</summary>
    public string? NameLocalized { get; init; }

    /// <summary>1–100 characters for slash commands; leave unset for user and message commands (returned as "").</summary>
    public string? Description { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string>?> DescriptionLocalizations { get; init; }

    public string? DescriptionLocalized { get; init; }

    /// <summary>At most 25.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Who may use it by default: absent or <c>null</c> = everyone, <see cref="Permissions.None"/> = administrators only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<Permissions?> DefaultMemberPermissions { get; init; }

    /// <summary>Deprecated: use <see cref="Contexts"/>.</summary>
    public bool? DmPermission { get; init; }

    /// <summary>Legacy; replaced by <see cref="DefaultMemberPermissions"/>.</summary>
    public bool? DefaultPermission { get; init; }

    public bool? Nsfw { get; init; }

    /// <summary>Where it can be installed (global commands).</summary>
    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }

    /// <summary>Where it can be used (global commands).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyList<InteractionContextType>?> Contexts { get; init; }

    /// <summary>Changes whenever the command is updated.</summary>
    public ulong? Version { get; init; }

    /// <summary>Entry-point commands only: 1 app handles it, 2 Discord launches the activity.</summary>
    public int? Handler { get; init; }
}
