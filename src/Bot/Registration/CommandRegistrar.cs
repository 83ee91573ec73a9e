using Bot.Discord.Models.Commands;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Registration;

/// <summary>
/// Puts the bot's slash commands on Discord with one bulk overwrite (PUT), which replaces the
/// whole scope atomically: a command removed from our definitions disappears, and nothing is
/// left half-registered. Reports what changed against what Discord had before.
/// </summary>
internal sealed partial class CommandRegistrar(DiscordRestClient rest, RegistrationState state, ILogger<CommandRegistrar> logger)
{
    /// <summary>Overwrites the commands of the scope (one guild, or global) and records the definitions' hash.</summary>
    /// <exception cref="CommandRegistrationException">Discord refused or could not be reached; the message says which.</exception>
    public async Task<CommandChanges> RegisterAsync(
        ulong applicationId, ulong? guildId, IReadOnlyList<ApplicationCommand> commands, string definitionsHash, CancellationToken cancellationToken)
    {
        var before = guildId is { } guild
            ? await rest.GetGuildCommandsAsync(applicationId, guild, cancellationToken)
            : await rest.GetGlobalCommandsAsync(applicationId, cancellationToken: cancellationToken);
        if (!before.IsSuccess)
            throw new CommandRegistrationException(Explain("read the registered commands", before.Error, guildId));

        var written = guildId is { } g
            ? await rest.BulkOverwriteGuildCommandsAsync(applicationId, g, commands, cancellationToken)
            : await rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, cancellationToken);
        if (!written.IsSuccess)
            throw new CommandRegistrationException(Explain("register the commands", written.Error, guildId));

        state.Write(RegistrationState.Scope(applicationId, guildId), definitionsHash);
        var changes = Compare(before.Value, commands);
        LogRegistered(logger, commands.Count, guildId is null ? "globally" : $"in guild {guildId}", changes.Added.Count, changes.Changed.Count, changes.Removed.Count);
        return changes;
    }

    /// <summary>Whether the definitions differ from the last ones registered in this scope.</summary>
    public bool IsCurrent(ulong applicationId, ulong? guildId, string definitionsHash) =>
        state.Read(RegistrationState.Scope(applicationId, guildId)) == definitionsHash;

    internal static CommandChanges Compare(IReadOnlyList<ApplicationCommand> before, IReadOnlyList<ApplicationCommand> after)
    {
        var old = before.ToDictionary(c => c.Name, CommandSignature.Of, StringComparer.Ordinal);
        var added = new List<string>();
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var command in after)
        {
            if (!old.TryGetValue(command.Name, out var signature))
                added.Add(command.Name);
            else if (signature != CommandSignature.Of(command))
                changed.Add(command.Name);
            else
                unchanged.Add(command.Name);
        }

        var kept = after.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var removed = before.Select(c => c.Name).Where(n => !kept.Contains(n)).ToList();
        return new CommandChanges(added, changed, removed, unchanged);
    }

    private static string Explain(string what, DiscordRestError error, ulong? guildId) => error.Kind switch
    {
        DiscordRestErrorKind.Unauthorized => $"Discord rejected the bot token while trying to {what}: check Discord:Token.",
        DiscordRestErrorKind.MissingAccess when guildId is not null =>
            $"Discord refused to {what} in guild {guildId}: invite the bot to that guild with the applications.commands scope, or check Discord:GuildId.",
        DiscordRestErrorKind.MissingAccess or DiscordRestErrorKind.NotFound =>
            $"Discord refused to {what}: check that Discord:ApplicationId is this bot's application id.",
        _ => $"Could not {what}: {error.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands {Scope}: {Added} added, {Changed} changed, {Removed} removed")]
    private static partial void LogRegistered(ILogger logger, int count, string scope, int added, int changed, int removed);
}

/// <summary>Registration failed for a reason the message explains to the operator.</summary>
public sealed class CommandRegistrationException(string message) : Exception(message);
