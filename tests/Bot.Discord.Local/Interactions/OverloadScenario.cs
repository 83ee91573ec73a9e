using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local.Interactions;

/// <summary>
/// What the overload tests of both transports (gateway and HTTP endpoint) set up alike: one handler at a
/// time with DeferAfter 1 s, asks from numbered members of one server or another, and the edits that
/// deliver deferred answers.
/// </summary>
public static class OverloadScenario
{
    public const ulong Server = 1213418270883971072;
    public const ulong OtherServer = 1313418270883971072;

    private const string Edit = "update_original_webhook_message";

    /// <summary>The interaction settings, as configuration keys: one handler at a time, DeferAfter 1 s, and the given queue limits.</summary>
    public static Dictionary<string, string?> Settings(string maxQueueDelay, int maxQueuedPerMember) => new()
    {
        ["Discord:Interactions:Workers"] = "1",
        ["Discord:Interactions:DeferAfter"] = "00:00:01",
        ["Discord:Interactions:MaxQueueDelay"] = maxQueueDelay,
        ["Discord:Interactions:MaxQueuedPerMember"] = maxQueuedPerMember.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>/ask from member number <paramref name="member"/> in <paramref name="guild"/>.</summary>
    public static JsonObject Ask(LocalDiscordServer discord, ulong member, ulong guild)
    {
        var ask = InteractionPayloads.SlashCommand(discord, "ask", [("question", "Who directed Beyond Utopia?")]);
        ask["member"]!["user"]!["id"] = (300_000_000_000_000_000UL + member).ToString(CultureInfo.InvariantCulture);
        ask["guild_id"] = guild.ToString(CultureInfo.InvariantCulture);
        return ask;
    }

    /// <summary>The edits of the original response of the interaction whose token is <paramref name="token"/>.</summary>
    public static IReadOnlyList<RecordedRequest> EditsOf(LocalDiscordServer discord, string token) =>
        discord.RequestsTo(Edit).Where(r => r.Path.Contains("/" + token + "/", StringComparison.Ordinal)).ToArray();
}
