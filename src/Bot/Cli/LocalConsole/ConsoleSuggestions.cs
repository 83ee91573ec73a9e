using Bot.Commands;
using Bot.Commands.Definitions;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// Asks a command for its suggestions for the option being typed, as Discord does while a member
/// types: the one place the console meets the commands' autocomplete contract.
/// </summary>
internal static class ConsoleSuggestions
{
    /// <summary>Who is typing where: the console's invoker, no guild, every permission.</summary>
    public sealed record Where(CommandInvoker Invoker, string? GuildId, MemberPermission Permissions, IKnowledgeReader Knowledge);

    public static ValueTask<IReadOnlyList<ConsoleChoice>> ForAsync(
        ICommand command, CommandOptions typed, CommandOptionDefinition focused, string partial, Where where, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<ConsoleChoice>>([]);
    }
}
