using Bot.Commands.Definitions;
using Bot.Discord.Models;
using Bot.Discord.Models.Channels;
using Bot.Discord.Models.Commands;

namespace Bot.DiscordBridge;

/// <summary>Our command definitions as Discord's application commands, for registration.</summary>
internal static class CommandDefinitions
{
    public static IReadOnlyList<ApplicationCommand> ToDiscord(IEnumerable<CommandDefinition> definitions) =>
        definitions.Select(ToDiscord).ToArray();

    public static ApplicationCommand ToDiscord(CommandDefinition definition) => new()
    {
        Type = ApplicationCommandType.ChatInput,
        Name = definition.Name,
        Description = definition.Description,
        Options = definition.HasSubcommands
            ? definition.Subcommands.Select(ToDiscord).ToArray()
            : definition.Options.Count == 0 ? null : definition.Options.Select(ToDiscord).ToArray(),
        // Discord hides the command from members without these permissions; the handler checks
        // again, because server admins can override what Discord shows.
        DefaultMemberPermissions = definition.RequiredPermission == MemberPermission.None
            ? default
            : new Optional<Permissions?>(DiscordPermissions.ToDiscord(definition.RequiredPermission)),
    };

    /// <summary>A subcommand is an option of type SUB_COMMAND whose own options nest inside it.</summary>
    private static ApplicationCommandOption ToDiscord(SubcommandDefinition subcommand) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = subcommand.Name,
        Description = subcommand.Description,
        Options = subcommand.Options.Count == 0 ? null : subcommand.Options.Select(ToDiscord).ToArray(),
    };

    private static ApplicationCommandOption ToDiscord(CommandOptionDefinition option) => new()
    {
        Type = option.Kind switch
        {
            OptionKind.String => ApplicationCommandOptionType.String,
            OptionKind.Integer => ApplicationCommandOptionType.Integer,
            OptionKind.Boolean => ApplicationCommandOptionType.Boolean,
            OptionKind.Channel => ApplicationCommandOptionType.Channel,
            OptionKind.User => ApplicationCommandOptionType.User,
            OptionKind.Role => ApplicationCommandOptionType.Role,
            _ => throw new ArgumentOutOfRangeException(nameof(option), option.Kind, "No Discord option type for this kind."),
        },
        Name = option.Name,
        Description = option.Description,
        Required = option.Required ? true : null,
        Autocomplete = option.Autocomplete ? true : null,
        MinLength = option.MinLength,
        MaxLength = option.MaxLength,
        ChannelTypes = option.ChannelKinds.Count == 0 ? null : option.ChannelKinds.Select(ToDiscord).ToArray(),
    };

    private static ChannelType ToDiscord(ChannelKind kind) => kind switch
    {
        ChannelKind.Text => ChannelType.GuildText,
        ChannelKind.Voice => ChannelType.GuildVoice,
        ChannelKind.Stage => ChannelType.GuildStageVoice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Discord channel type for this kind."),
    };

    /// <summary>Discord's channel type as our kind; <see cref="ChannelKind.Unknown"/> for the many we do not tell apart.</summary>
    public static ChannelKind FromDiscord(ChannelType type) => type switch
    {
        ChannelType.GuildText => ChannelKind.Text,
        ChannelType.GuildVoice => ChannelKind.Voice,
        ChannelType.GuildStageVoice => ChannelKind.Stage,
        _ => ChannelKind.Unknown,
    };
}
