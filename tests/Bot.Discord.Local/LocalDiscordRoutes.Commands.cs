using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local;

/// <summary>
/// Application commands, global and per guild: a bulk overwrite stores what Discord would store (with the
/// fields Discord adds: id, application_id, version…) and a list returns it, so a client comparing its
/// definitions with the list sees what it would see on Discord.
/// </summary>
internal sealed partial class LocalDiscordRoutes
{
    private FakeResponse ListCommands(FakeRequest request)
    {
        if (request.Id("application_id") != ApplicationId)
            return FakeResponse.Error(403, 50001, "Missing Access");

        lock (_state.Lock)
        {
            return FakeResponse.Ok(_state.Commands.TryGetValue(Scope(request), out var commands) ? commands.DeepClone() : new JsonArray());
        }
    }

    private FakeResponse BulkSetCommands(FakeRequest request)
    {
        if (request.Id("application_id") != ApplicationId)
            return FakeResponse.Error(403, 50001, "Missing Access");

        if (request.Json is not JsonArray body)
            return FakeResponse.InvalidField("", "BASE_TYPE_ARRAY", "Must be an array.");

        var scope = Scope(request);
        lock (_state.Lock)
        {
            var existing = _state.Commands.TryGetValue(scope, out var before) ? before : [];
            var saved = new JsonArray();
            for (var i = 0; i < body.Count; i++)
            {
                if (body[i] is not JsonObject definition)
                    return FakeResponse.InvalidField($"{i}", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");

                var name = (string?)definition["name"];
                var type = (int?)definition["type"] ?? 1;
                if (name is not { Length: >= 1 and <= 32 })
                    return FakeResponse.InvalidField($"{i}.name", "BASE_TYPE_REQUIRED", "This field is required");

                if (type == 1 && (string?)definition["description"] is not { Length: >= 1 and <= 100 })
                    return FakeResponse.InvalidField($"{i}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");

                var previous = existing.OfType<JsonObject>().FirstOrDefault(c => (string?)c["name"] == name && ((int?)c["type"] ?? 1) == type);
                saved.Add(Stored(definition, scope, previous?["id"]?.DeepClone()));
            }

            _state.Commands[scope] = saved;
            return FakeResponse.Ok(saved.DeepClone());
        }
    }

    /// <summary>The command as Discord keeps and lists it: the fields it adds, its defaults filled in, false flags left out.</summary>
    private JsonObject Stored(JsonObject definition, string scope, JsonNode? id)
    {
        var command = new JsonObject
        {
            ["id"] = id ?? _state.NewSnowflake().ToString(CultureInfo.InvariantCulture),
            ["type"] = (int?)definition["type"] ?? 1,
            ["application_id"] = ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["version"] = _state.NewSnowflake().ToString(CultureInfo.InvariantCulture),
            ["name"] = (string?)definition["name"],
            ["name_localizations"] = definition["name_localizations"]?.DeepClone(),
            ["description"] = (string?)definition["description"] ?? "",
            ["description_localizations"] = definition["description_localizations"]?.DeepClone(),
            ["default_member_permissions"] = definition["default_member_permissions"]?.DeepClone(),
            ["nsfw"] = (bool?)definition["nsfw"] ?? false,
        };
        if (scope.Length > 0)
        {
            command["guild_id"] = scope;
        }
        else
        {
            command["integration_types"] = definition["integration_types"]?.DeepClone() ?? new JsonArray(0);
            command["contexts"] = definition["contexts"]?.DeepClone();
        }

        if (definition["options"] is JsonArray { Count: > 0 } options)
            command["options"] = StoredOptions(options);

        return command;
    }

    /// <summary>Discord leaves out <c>required</c> and <c>autocomplete</c> when false (discord-api-docs#3161).</summary>
    private static JsonArray StoredOptions(JsonArray options)
    {
        var stored = new JsonArray();
        foreach (var option in options.OfType<JsonObject>())
        {
            var copy = option.DeepClone().AsObject();
            foreach (var flag in new[] { "required", "autocomplete" })
            {
                if (copy[flag] is JsonValue value && value.TryGetValue<bool>(out var set) && !set)
                    copy.Remove(flag);
            }

            if (copy["options"] is JsonArray children)
                copy["options"] = StoredOptions(children);

            stored.Add(copy);
        }

        return stored;
    }

    /// <summary>"" for global commands, else the guild id.</summary>
    private static string Scope(FakeRequest request) => request.Match.Groups["guild_id"].Success ? request["guild_id"] : "";

    [GeneratedRegex(@"^/applications/(?<application_id>\d+)/commands$")]
    private static partial Regex GlobalCommandsPath();

    [GeneratedRegex(@"^/applications/(?<application_id>\d+)/guilds/(?<guild_id>\d+)/commands$")]
    private static partial Regex GuildCommandsPath();
}
