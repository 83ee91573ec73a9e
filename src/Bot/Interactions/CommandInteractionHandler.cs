using System.Globalization;
using Bot.Commands;
using Bot.Commands.Replies;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;

namespace Bot.Interactions;

/// <summary>
/// Where Discord meets our commands: an interaction becomes a <see cref="CommandContext"/> (a
/// <see cref="ComponentContext"/> for a button, an <see cref="AutocompleteContext"/> while an option
/// is typed), the command runs, and its <see cref="Reply"/> (or its suggestions) becomes Discord
/// data. The same handler serves the gateway and the HTTP endpoint; the dispatcher around it owns
/// timing, deferral and callbacks.
/// </summary>
internal sealed class CommandInteractionHandler(CommandCatalog catalog, IKnowledgeReader knowledge) : IInteractionHandler
{
    internal const string UnknownCommandText = "I don't know that command (it may have been removed). Type /help to see what I can do.";

    public DeferralKind PlanDeferral(Interaction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommand => catalog.Find(interaction.Data?.Name) is { } command
            ? (command.RepliesEphemerally(Options(interaction.Data)) ? DeferralKind.Ephemeral : DeferralKind.Public)
            : DeferralKind.Ephemeral,
        // The command tells from the custom id whether the click replaces its message or brings a new one.
        InteractionType.MessageComponent => catalog.FindComponentOwner(interaction.Data?.CustomId) is { } owner
            ? owner.PlanComponent(interaction.Data!.CustomId!) switch
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
                        Options = Options(interaction.Data),
                        Invoker = Invoker(interaction),
                        GuildId = GuildId(interaction),
                        Permissions = DiscordPermissions.FromDiscord(interaction.Member?.Permissions),
                        Knowledge = knowledge,
                    },
                    cancellationToken);
                return ToInteractionReply(reply);
            case InteractionType.MessageComponent:
                if (catalog.FindComponentOwner(interaction.Data?.CustomId) is not { } owner)
                    return InteractionReply.Message(DiscordMessages.ToDiscord(Reply.Text(UnknownCommandText, ephemeral: true)));
                var clicked = await owner.HandleComponentAsync(
                    new ComponentContext
                    {
                        CustomId = interaction.Data!.CustomId!,
                        Invoker = Invoker(interaction),
                        GuildId = GuildId(interaction),
                        Permissions = DiscordPermissions.FromDiscord(interaction.Member?.Permissions),
                        Knowledge = knowledge,
                    },
                    cancellationToken);
                return ToInteractionReply(clicked);
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
                FocusedOption = focused.Name,
                FocusedValue = focused.Value?.ToString() ?? "",
                Options = Options(interaction.Data),
                Invoker = Invoker(interaction),
                GuildId = GuildId(interaction),
                Permissions = DiscordPermissions.FromDiscord(interaction.Member?.Permissions),
                Knowledge = knowledge,
            },
            cancellationToken);
        return ReplyLimits.Fit(choices)
            .Select(c => new ApplicationCommandOptionChoice { Name = c.Name, Value = OptionValue.FromString(c.Value) })
            .ToArray();
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

    private static InteractionReply ToInteractionReply(Reply reply) =>
        reply.Kind == ReplyKind.UpdateMessage
            ? InteractionReply.UpdateMessage(DiscordMessages.ToDiscord(reply))
            : InteractionReply.Message(DiscordMessages.ToDiscord(reply));

    private static string? GuildId(Interaction interaction) => interaction.GuildId?.ToString(CultureInfo.InvariantCulture);

    private static CommandInvoker Invoker(Interaction interaction) =>
        interaction.Invoker is { } user
            ? new CommandInvoker(user.Id.ToString(CultureInfo.InvariantCulture), user.DisplayName)
            : new CommandInvoker("0", "someone");

    /// <summary>The options the user gave, as the command layer's values; kinds it does not take are left out.</summary>
    internal static CommandOptions Options(InteractionData? data)
    {
        var values = new List<KeyValuePair<string, object>>();
        foreach (var option in data?.Options ?? [])
        {
            if (option.Value is not { } value)
                continue;
            object? converted = option.Type switch
            {
                ApplicationCommandOptionType.String => value.TryGetString(out var s) ? s : null,
                ApplicationCommandOptionType.Integer => value.TryGetInt64(out var l) ? l : null,
                ApplicationCommandOptionType.Boolean => value.TryGetBoolean(out var b) ? b : null,
                ApplicationCommandOptionType.User or ApplicationCommandOptionType.Channel or ApplicationCommandOptionType.Role or ApplicationCommandOptionType.Mentionable =>
                    value.TryGetSnowflake(out var id) ? id.ToString(CultureInfo.InvariantCulture) : null,
                _ => null,
            };
            if (converted is not null)
                values.Add(KeyValuePair.Create(option.Name, converted));
        }

        return new CommandOptions(values);
    }
}
