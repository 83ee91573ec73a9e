using System.Diagnostics.CodeAnalysis;
using Bot.Discord.Models.Commands;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Registration;

/// <summary>
/// Puts the bot's slash commands on Discord with one bulk overwrite (PUT), which replaces the whole
/// scope atomically: a command removed from our definitions disappears, and nothing is left
/// half-registered. Discord's own list (one GET) is the record of what is registered: nothing kept on
/// our side can know that someone deleted a command in the portal, or that another deployment of the
/// application registered its own.
/// </summary>
internal sealed partial class CommandRegistrar(DiscordRestClient rest, ILogger<CommandRegistrar> logger)
{
    /// <summary>
    /// At start: reads the scope's commands and overwrites them only when they differ from
    /// <paramref name="commands"/>. Discord limits command creates per day, and a start that changes
    /// nothing should spend none of them.
    /// </summary>
    /// <exception cref="CommandRegistrationException">Discord refused or could not be reached; the message says which.</exception>
    [SuppressMessage("Performance", "CA1873:Avoid potentially expensive logging", Justification = "Each call is guarded by logger.IsEnabled; the analyzer does not see a guard around a [LoggerMessage] call (dotnet/sdk#50893).")]
    public async Task<CommandChanges> SynchronizeAsync(
        ulong applicationId, ulong? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var changes = CommandChanges.Between(await ReadAsync(applicationId, guildId, cancellationToken), commands);
        if (!changes.Any)
        {
            if (logger.IsEnabled(LogLevel.Information))
                LogUpToDate(logger, commands.Count, Scope(guildId));
            return changes;
        }

        await WriteAsync(applicationId, guildId, commands, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
            LogRegistered(logger, commands.Count, Scope(guildId), changes.Summary());
        return changes;
    }

    /// <summary>
    /// <c>register-commands</c>: overwrites the scope's commands even when Discord has them already (running
    /// it by hand means "make Discord match"), and reports what changed against what Discord had.
    /// </summary>
    /// <exception cref="CommandRegistrationException">Discord refused or could not be reached; the message says which.</exception>
    [SuppressMessage("Performance", "CA1873:Avoid potentially expensive logging", Justification = "Each call is guarded by logger.IsEnabled; the analyzer does not see a guard around a [LoggerMessage] call (dotnet/sdk#50893).")]
    public async Task<CommandChanges> RegisterAsync(
        ulong applicationId, ulong? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var changes = CommandChanges.Between(await ReadAsync(applicationId, guildId, cancellationToken), commands);
        await WriteAsync(applicationId, guildId, commands, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
            LogRegistered(logger, commands.Count, Scope(guildId), changes.Any ? changes.Summary() : "register-commands asked for it (Discord had them already)");
        return changes;
    }

    private async Task<IReadOnlyList<ApplicationCommand>> ReadAsync(ulong applicationId, ulong? guildId, CancellationToken cancellationToken)
    {
        var registered = guildId is { } guild
            ? await rest.GetGuildCommandsAsync(applicationId, guild, cancellationToken)
            : await rest.GetGlobalCommandsAsync(applicationId, cancellationToken: cancellationToken);
        return registered.IsSuccess
            ? registered.Value
            : throw new CommandRegistrationException(Explain("read the registered commands", registered.Error, guildId));
    }

    private async Task WriteAsync(ulong applicationId, ulong? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var written = guildId is { } guild
            ? await rest.BulkOverwriteGuildCommandsAsync(applicationId, guild, commands, cancellationToken)
            : await rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken);
        if (!written.IsSuccess)
            throw new CommandRegistrationException(Explain("register the commands", written.Error, guildId));
    }

    private static string Scope(ulong? guildId) => guildId is null ? "globally" : $"in guild {guildId}";

    private static string Explain(string what, DiscordRestError error, ulong? guildId) => error.Kind switch
    {
        DiscordRestErrorKind.Unauthorized => $"Discord rejected the bot token while trying to {what}: check Discord:Token.",
        DiscordRestErrorKind.MissingAccess when guildId is not null =>
            $"Discord refused to {what} in guild {guildId}: invite the bot to that guild with the applications.commands scope, or check Discord:GuildId.",
        DiscordRestErrorKind.MissingAccess or DiscordRestErrorKind.NotFound =>
            $"Discord refused to {what}: check that Discord:ApplicationId is this bot's application id.",
        _ => $"Could not {what}: {error.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash commands up to date: Discord has our {Count} commands {Scope}; not registering")]
    private static partial void LogUpToDate(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands {Scope} because {Reason}")]
    private static partial void LogRegistered(ILogger logger, int count, string scope, string reason);
}

/// <summary>Registration failed for a reason the message explains to the operator.</summary>
public sealed class CommandRegistrationException(string message) : Exception(message);
