using Bot.Limits;

namespace Bot.Commands;

/// <summary>
/// Button custom ids: <c>"{command}:{data}"</c>, at most <see cref="DiscordLimits.CustomIdLength"/>
/// characters, so a click is routed to the command whose name comes first.
/// </summary>
public static class CustomIds
{
    public const char Separator = ':';

    /// <summary>The custom id of a button owned by <paramref name="commandName"/>; throws if it would be too long.</summary>
    public static string Create(string commandName, string data)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandName);
        ArgumentNullException.ThrowIfNull(data);
        if (commandName.Contains(Separator))
            throw new ArgumentException($"A command name cannot hold '{Separator}'.", nameof(commandName));
        var id = $"{commandName}{Separator}{data}";
        if (id.Length > DiscordLimits.CustomIdLength)
            throw new ArgumentException($"Custom id '{id}' is {id.Length} characters; at most {DiscordLimits.CustomIdLength} are allowed.", nameof(data));
        return id;
    }

    /// <summary>Splits a custom id at its first separator; false when it has none or no command name.</summary>
    public static bool TrySplit(string? customId, out string commandName, out string data)
    {
        var at = customId?.IndexOf(Separator) ?? -1;
        if (at <= 0)
        {
            commandName = "";
            data = "";
            return false;
        }

        commandName = customId![..at];
        data = customId[(at + 1)..];
        return true;
    }
}
