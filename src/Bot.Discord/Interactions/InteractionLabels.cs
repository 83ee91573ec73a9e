using System.Text.Json;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// Names for an interaction in metric labels and log scopes, from a bounded set: a command's name, or for a
/// button the command that owns it (the custom id's text before its first <c>:</c>), never a custom id's
/// data, an id or a token.
/// </summary>
public static class InteractionLabels
{
    /// <summary>What a label says when the name is not one Discord allows for a command.</summary>
    public const string Other = "other";

    private const int MaxNameLength = 32;

    /// <summary>The command an interaction belongs to: the slash command, or the owner of the clicked component.</summary>
    public static string Command(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var name = interaction.Type switch
        {
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete => interaction.Data?.Name,
            InteractionType.MessageComponent or InteractionType.ModalSubmit => Owner(interaction.Data?.CustomId),
            InteractionType.Ping => "ping",
            _ => null,
        };
        return IsCommandName(name) ? name! : Other;
    }

    public static string Type(InteractionType type) => type switch
    {
        InteractionType.Ping => "ping",
        InteractionType.ApplicationCommand => "command",
        InteractionType.MessageComponent => "component",
        InteractionType.ApplicationCommandAutocomplete => "autocomplete",
        InteractionType.ModalSubmit => "modal",
        _ => Other,
    };

    internal static string Of(InteractionOutcome outcome) => SnakeCase(outcome.ToString());

    internal static string Of(MissedWindow missed) => SnakeCase(missed.ToString());

    /// <summary><c>ClosedByDiscord</c> → <c>closed_by_discord</c>: the style of Prometheus label values.</summary>
    internal static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static string? Owner(string? customId)
    {
        var at = customId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return at > 0 ? customId![..at] : null;
    }

    /// <summary>Discord's rule for command names, in lower case: 1-32 letters, digits, '-' or '_'.</summary>
    private static bool IsCommandName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
