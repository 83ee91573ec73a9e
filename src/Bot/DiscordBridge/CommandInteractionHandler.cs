using System.Globalization;
using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;

namespace Bot.DiscordBridge;

/// <summary>
/// Where Discord meets our commands: an interaction becomes a <see cref="CommandContext"/> (a
/// <see cref="ComponentContext"/> for a button, an <see cref="AutocompleteContext"/> while an option
/// is typed), the command runs, and its <see cref="Reply"/> (or its suggestions) becomes Discord
/// data. The same handler serves the gateway and the HTTP endpoint; the dispatcher around it owns
/// timing, deferral and callbacks.
/// </summary>
/// <remarks>
/// A reply's <see cref="Reply.WhenSent"/> work goes to the dispatcher with the reply
/// (<see cref="InteractionReply.AfterSent"/>): it runs with the message the dispatcher delivered.
/// </remarks>
internal sealed class CommandInteractionHandler(CommandCatalog catalog, IKnowledgeReader knowledge) : IInteractionHandler
{
    internal const string UnknownCommandText = "I don't know that command (it may have been removed). Type /help to see what I can do.";

    public DeferralKind PlanDeferral(Interaction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommand => catalog.Find(interaction.Data?.Name) is { } command
            ? (command.RepliesEphemerally(Subcommand(interaction.Data), Options(interaction.Data)) ? DeferralKind.Ephemeral : DeferralKind.Public)
            : DeferralKind.Ephemeral,
        // The command tells from the custom id whether the click replaces its message or brings a new one.
        InteractionType.MessageComponent => catalog.FindComponentOwner(interaction.Data?.CustomId) is { } owner
            ? owner.PlanComponent(interaction.Data!.CustomId!, Invoker(interaction).UserId) switch
            {
                ComponentReplyPlan.EphemeralMessage => DeferralKind.Ephemeral,
                ComponentReplyPlan.PublicMessage => DeferralKind.Public,
                _ => DeferralKind.UpdateMessage,
            }
            : DeferralKind.Ephemeral, // the unknown-command note comes as a new private message
        _ => DeferralKind.None,
    };

    public async ValueTask<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                if (catalog.Find(interaction.Data?.Name) is not { } command)
                    return InteractionReply.Message(DiscordMessages.ToDiscord(Reply.Text(UnknownCommandText, ephemeral: true)));
                var reply = await command.ExecuteAsync(
                    new CommandContext
                    {
                        CommandName = command.Definition.Name,
                        Subcommand = Subcommand(interaction.Data),
                        Options = Options(interaction.Data),
                        Invoker = Invoker(interaction),
                        GuildId = GuildId(interaction),
                        ChannelId = ChannelId(interaction),
                        Permissions = DiscordPermissions.FromDiscord(interaction.Member?.Permissions),
                        BotPermissions = BotPermissions(interaction),
                        Knowledge = knowledge,
                    },
                    cancellationToken);
                return DiscordMessages.ToInteractionReply(reply, interaction);
            case InteractionType.MessageComponent:
                if (catalog.FindComponentOwner(interaction.Data?.CustomId) is not { } owner)
                    return InteractionReply.Message(DiscordMessages.ToDiscord(Reply.Text(UnknownCommandText, ephemeral: true)));
                var clicked = await owner.HandleComponentAsync(
                    new ComponentContext
                    {
                        CustomId = interaction.Data!.CustomId!,
                        MessageId = interaction.Message?.Id is { } messageId ? messageId.ToString(CultureInfo.InvariantCulture) : null,
                        Invoker = Invoker(interaction),
                        GuildId = GuildId(interaction),
                        ChannelId = ChannelId(interaction),
                        Permissions = DiscordPermissions.FromDiscord(interaction.Member?.Permissions),
                        BotPermissions = BotPermissions(interaction),
                        Knowledge = knowledge,
                    },
                    cancellationToken);
                return DiscordMessages.ToInteractionReply(clicked, interaction);
            case InteractionType.ApplicationCommandAutocomplete:
                return InteractionReply.Autocomplete(await SuggestAsync(interaction, cancellationToken));
            default:
                return InteractionReply.Message(DiscordMessages.ToDiscord(Reply.Text(UnknownCommandText, ephemeral: true)));
        }
    }

    /// <summary>The command's suggestions for the focused option; none when the command or option offers none.</summary>
    private async ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> SuggestAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (catalog.Find(interaction.Data?.Name) is not IAutocompleteCommand command || Focused(interaction.Data?.Options) is not { } focused)
            return [];
        var choices = await command.AutocompleteAsync(
            new AutocompleteContext
            {
                CommandName = command.Definition.Name,
                Subcommand = Subcommand(interaction.Data),
                FocusedOption = focused.Name,
                FocusedValue = focused.Value?.ToString() ?? "",
                Options = Options(interaction.Data),
                Invoker = Invoker(interaction),
                GuildId = GuildId(interaction),
                ChannelId = ChannelId(interaction),
                Permissions = DiscordPermissions.FromDiscord(interaction.Member?.Permissions),
                BotPermissions = BotPermissions(interaction),
                Knowledge = knowledge,
            },
            cancellationToken);
        return DiscordMessages.ToDiscord(choices);
    }

    /// <summary>The option being typed, wherever it sits (subcommands nest options).</summary>
    internal static InteractionDataOption? Focused(IReadOnlyList<InteractionDataOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Focused == true)
                return option;
            if (Focused(option.Options) is { } nested)
                return nested;
        }

        return null;
    }

    private static string? GuildId(Interaction interaction) => interaction.GuildId?.ToString(CultureInfo.InvariantCulture);

    private static string? ChannelId(Interaction interaction) =>
        (interaction.ChannelId ?? interaction.Channel?.Id)?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The bot's permissions in the channel (<c>app_permissions</c>); null when Discord did not send them.</summary>
    private static MemberPermission? BotPermissions(Interaction interaction) =>
        interaction.AppPermissions is { } granted ? DiscordPermissions.FromDiscord(granted) : null;

    private static CommandInvoker Invoker(Interaction interaction) =>
        interaction.Invoker is { } user
            ? new CommandInvoker(user.Id.ToString(CultureInfo.InvariantCulture), user.DisplayName)
            : new CommandInvoker("0", "someone");

    /// <summary>The subcommand run: the first option, when it is of type SUB_COMMAND; null otherwise.</summary>
    internal static string? Subcommand(InteractionData? data) =>
        data?.Options is [{ Type: ApplicationCommandOptionType.SubCommand } subcommand, ..] ? subcommand.Name : null;

    /// <summary>
    /// The options the user gave, as the command layer's values: the subcommand's own when one was
    /// run (they nest inside it); kinds it does not take are left out. A channel whose kind Discord
    /// resolved comes as a <see cref="ChannelValue"/>.
    /// </summary>
    internal static CommandOptions Options(InteractionData? data)
    {
        var given = data?.Options is [{ Type: ApplicationCommandOptionType.SubCommand } subcommand, ..] ? subcommand.Options : data?.Options;
        var values = new List<KeyValuePair<string, object>>();
        foreach (var option in given ?? [])
        {
            if (option.Value is not { } value)
                continue;
            object? converted = option.Type switch
            {
                ApplicationCommandOptionType.String => value.TryGetString(out var s) ? s : null,
                ApplicationCommandOptionType.Integer => value.TryGetInt64(out var l) ? l : null,
                ApplicationCommandOptionType.Boolean => value.TryGetBoolean(out var b) ? b : null,
                ApplicationCommandOptionType.Channel => value.TryGetSnowflake(out var channel) ? Channel(data, channel) : null,
                ApplicationCommandOptionType.User or ApplicationCommandOptionType.Role or ApplicationCommandOptionType.Mentionable =>
                    value.TryGetSnowflake(out var id) ? id.ToString(CultureInfo.InvariantCulture) : null,
                _ => null,
            };
            if (converted is not null)
                values.Add(KeyValuePair.Create(option.Name, converted));
        }

        return new CommandOptions(values);
    }

    private static ChannelValue Channel(InteractionData? data, ulong id) => new(
        id.ToString(CultureInfo.InvariantCulture),
        data?.Resolved?.Channels is { } channels && channels.TryGetValue(id, out var channel) ? CommandDefinitions.FromDiscord(channel.Type) : ChannelKind.Unknown);
}
