using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Discord.Interactions.Policy;
using Bot.DiscordBridge;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// Asks a command for its suggestions for the option being typed, as Discord does while a member
/// types: the one place the console meets <see cref="IAutocompleteCommand"/>.
/// </summary>
internal static class ConsoleSuggestions
{
    /// <summary>Who is typing where: the console's invoker, no guild, every permission.</summary>
    public sealed record Where(CommandInvoker Invoker, string? GuildId, MemberPermission Permissions, IKnowledgeReader Knowledge);

    /// <summary>
    /// The suggestions as Discord would show them (the dispatcher's <see cref="ReplyPolicy"/>: at most
    /// 25, names cut), best first; none when the command offers none or fails.
    /// </summary>
    public static async ValueTask<IReadOnlyList<ConsoleChoice>> ForAsync(
        ICommand command, string? subcommand, CommandOptions typed, CommandOptionDefinition focused, string partial, Where where, CancellationToken cancellationToken)
    {
        if (command is not IAutocompleteCommand autocomplete)
            return [];
        IReadOnlyList<AutocompleteChoice> choices;
        try
        {
            choices = await autocomplete.AutocompleteAsync(
                new AutocompleteContext
                {
                    CommandName = command.Definition.Name,
                    Subcommand = subcommand,
                    FocusedOption = focused.Name,
                    FocusedValue = partial,
                    Options = typed,
                    Invoker = where.Invoker,
                    GuildId = where.GuildId,
                    ChannelId = ConsoleCapabilities.ChannelId,
                    Permissions = where.Permissions,
                    Knowledge = where.Knowledge,
                },
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Discord shows no suggestions when a command's fail; so does the console.
            return [];
        }

        return ReplyPolicy.Choices(DiscordMessages.ToDiscord(choices))
            .Select(c => new ConsoleChoice(c.Name, c.Value.TryGetString(out var value) ? value : ""))
            .ToArray();
    }
}
