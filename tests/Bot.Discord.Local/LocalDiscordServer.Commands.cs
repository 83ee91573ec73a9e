using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>The application commands this Discord holds, for tests to read and to change behind the bot's back.</summary>
public sealed partial class LocalDiscordServer
{
    /// <summary>The commands of a scope (global when <paramref name="guildId"/> is null) as a list request returns them.</summary>
    public JsonArray CommandsIn(ulong? guildId = null)
    {
        lock (_state.Lock)
        {
            return _state.Commands.TryGetValue(CommandScope(guildId), out var commands) ? (JsonArray)commands.DeepClone() : [];
        }
    }

    /// <summary>
    /// Replaces a scope's commands with <paramref name="commands"/>, stored as given: what another deployment
    /// of the application, or someone in the developer portal, leaves behind.
    /// </summary>
    public void SetCommands(JsonArray commands, ulong? guildId = null)
    {
        lock (_state.Lock)
        {
            _state.Commands[CommandScope(guildId)] = (JsonArray)commands.DeepClone();
        }
    }

    private static string CommandScope(ulong? guildId) => guildId?.ToString(CultureInfo.InvariantCulture) ?? "";
}
