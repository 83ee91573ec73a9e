using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local.Interactions;

/// <summary>
/// Interactions as Discord delivers them, built from the real payload samples (fixtures) with a
/// fresh id and token the local Discord will accept callbacks for: what a test dispatches over
/// the gateway or signs and POSTs to the HTTP endpoint.
/// </summary>
public static class InteractionPayloads
{
    /// <summary>A slash command with top-level options; values are strings, longs or bools.</summary>
    /// <param name="memberPermissions">The invoker's channel-effective permissions, as Discord's decimal string.</param>
    public static JsonObject SlashCommand(
        LocalDiscordServer discord, string name, IEnumerable<(string Name, object Value)>? options = null, ulong? memberPermissions = null)
    {
        var interaction = Template(discord, "interaction_slash_command_full.json");
        var data = new JsonObject
        {
            ["id"] = "1521787443609731080",
            ["name"] = name,
            ["type"] = 1,
        };
        var list = new JsonArray();
        foreach (var (optionName, value) in options ?? [])
        {
            list.Add(new JsonObject
            {
                ["type"] = value switch { bool => 5, long or int => 4, _ => 3 },
                ["name"] = optionName,
                ["value"] = value switch
                {
                    bool b => JsonValue.Create(b),
                    long l => JsonValue.Create(l),
                    int i => JsonValue.Create(i),
                    _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                },
            });
        }

        if (list.Count > 0)
            data["options"] = list;
        interaction["data"] = data;
        if (memberPermissions is { } permissions)
            interaction["member"]!["permissions"] = permissions.ToString(CultureInfo.InvariantCulture);
        return interaction;
    }

    /// <summary>A click on a button with <paramref name="customId"/>, on a message the bot sent.</summary>
    public static JsonObject ButtonClick(LocalDiscordServer discord, string customId)
    {
        var interaction = Template(discord, "interaction_slash_command_full.json");
        interaction["type"] = 3;
        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        var click = JsonNode.Parse(FixtureFiles.Read("interaction_button_click.docs.json"))!.AsObject();
        interaction["message"] = click["message"]!.DeepClone();
        return interaction;
    }

    /// <summary>
    /// A slash command run with a subcommand, as Discord sends it: <c>data.options</c> holds one option of
    /// type SUB_COMMAND (1) named <paramref name="subcommand"/>, whose own <c>options</c> are <paramref name="options"/>.
    /// </summary>
    public static JsonObject SlashSubcommand(
        LocalDiscordServer discord, string name, string subcommand, IEnumerable<(string Name, object Value)>? options = null, ulong? memberPermissions = null)
    {
        var interaction = SlashCommand(discord, name, options, memberPermissions);
        var data = interaction["data"]!.AsObject();
        var nested = data["options"]?.DeepClone();
        data.Remove("options");
        var chosen = new JsonObject { ["type"] = 1, ["name"] = subcommand };
        if (nested is JsonArray { Count: > 0 })
            chosen["options"] = nested;
        data["options"] = new JsonArray(chosen);
        return interaction;
    }

    /// <summary>
    /// Adds a CHANNEL (7) option to the command (inside its subcommand, if it has one) and the channel to
    /// <c>data.resolved.channels</c>, as Discord sends a channel the member picked.
    /// </summary>
    /// <param name="channelType">2 voice, 13 stage, 0 text…</param>
    public static JsonObject WithChannelOption(JsonObject interaction, string optionName, ulong channelId, int channelType)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var data = interaction["data"]!.AsObject();
        var options = data["options"] as JsonArray ?? (JsonArray)(data["options"] = new JsonArray());
        if (options is [JsonObject { } first] && (int?)first["type"] == 1)
            options = first["options"] as JsonArray ?? (JsonArray)(first["options"] = new JsonArray());
        var id = channelId.ToString(CultureInfo.InvariantCulture);
        options.Add(new JsonObject { ["type"] = 7, ["name"] = optionName, ["value"] = id });
        var resolved = data["resolved"] as JsonObject ?? (JsonObject)(data["resolved"] = new JsonObject());
        var channels = resolved["channels"] as JsonObject ?? (JsonObject)(resolved["channels"] = new JsonObject());
        channels[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = channelType,
            ["name"] = channelType is 2 or 13 ? "watch-party" : "general",
            ["parent_id"] = null,
            ["permissions"] = "17602923531264",
        };
        return interaction;
    }

    private static JsonObject Template(LocalDiscordServer discord, string fixture)
    {
        var interaction = JsonNode.Parse(FixtureFiles.Read(fixture))!.AsObject();
        var (id, token) = discord.NewInteraction();
        interaction["id"] = id.ToString(CultureInfo.InvariantCulture);
        interaction["token"] = token;
        interaction["application_id"] = discord.ApplicationId.ToString(CultureInfo.InvariantCulture);
        return interaction;
    }
}
