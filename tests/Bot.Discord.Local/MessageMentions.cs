using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local;

/// <summary>
/// Who a message pings, worked out as Discord does (PROTOCOL.md §8): only mentions in the content
/// count, and only the kinds <c>allowed_mentions</c> lets it parse, which for interaction responses
/// and webhooks is users alone when it is left out, and for channel messages everything.
/// </summary>
internal static partial class MessageMentions
{
    /// <summary>Sets <c>mention_everyone</c>, <c>mentions</c> and <c>mention_roles</c> of <paramref name="message"/> from its content.</summary>
    /// <param name="viaWebhook">An interaction response or follow-up (parses users by default), not a channel message.</param>
    public static void Apply(JsonObject message, JsonNode? allowedMentions, bool viaWebhook)
    {
        var content = (string?)message["content"] ?? "";
        var parse = allowedMentions?["parse"] is JsonArray kinds
            ? kinds.Select(k => (string?)k).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : allowedMentions is JsonObject ? [] : viaWebhook ? ["users"] : ["everyone", "users", "roles"];
        var users = Ids(allowedMentions?["users"]);
        var roles = Ids(allowedMentions?["roles"]);

        message["mention_everyone"] = parse.Contains("everyone") && Everyone().IsMatch(content);
        message["mentions"] = new JsonArray(UserMention().Matches(content)
            .Select(m => m.Groups["id"].Value)
            .Distinct(StringComparer.Ordinal)
            .Where(id => parse.Contains("users") || users.Contains(id))
            .Select(id => (JsonNode)new JsonObject { ["id"] = id, ["username"] = "member", ["discriminator"] = "0", ["global_name"] = null, ["avatar"] = null })
            .ToArray());
        message["mention_roles"] = new JsonArray(RoleMention().Matches(content)
            .Select(m => m.Groups["id"].Value)
            .Distinct(StringComparer.Ordinal)
            .Where(id => parse.Contains("roles") || roles.Contains(id))
            .Select(id => (JsonNode)JsonValue.Create(id))
            .ToArray());
    }

    /// <summary>Whether the message (as the local Discord made it) pinged anyone.</summary>
    public static bool Pinged(JsonObject message) =>
        (bool?)message["mention_everyone"] == true
        || message["mentions"] is JsonArray { Count: > 0 }
        || message["mention_roles"] is JsonArray { Count: > 0 };

    private static HashSet<string> Ids(JsonNode? list) =>
        list is JsonArray ids ? ids.Select(i => (string?)i).OfType<string>().ToHashSet(StringComparer.Ordinal) : [];

    [GeneratedRegex(@"@(everyone|here)")]
    private static partial Regex Everyone();

    [GeneratedRegex(@"<@!?(?<id>\d{15,21})>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(?<id>\d{15,21})>")]
    private static partial Regex RoleMention();
}
