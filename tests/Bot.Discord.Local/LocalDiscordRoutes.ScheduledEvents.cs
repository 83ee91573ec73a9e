using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local;

/// <summary>Guild scheduled events (<c>/watchparty schedule</c>): the fields Discord requires per entity type.</summary>
internal sealed partial class LocalDiscordRoutes
{
    private FakeResponse CreateScheduledEvent(FakeRequest request)
    {
        if (request.Json is not JsonObject body)
            return FakeResponse.InvalidField("", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");

        foreach (var field in new[] { "name", "privacy_level", "scheduled_start_time", "entity_type" })
        {
            if (body[field] is null)
                return FakeResponse.InvalidField(field, "BASE_TYPE_REQUIRED", "This field is required");
        }

        var entityType = (int?)body["entity_type"];
        if (entityType == 3)
        {
            if ((string?)body["entity_metadata"]?["location"] is not { Length: >= 1 and <= 100 })
                return FakeResponse.InvalidField("entity_metadata.location", "BASE_TYPE_REQUIRED", "This field is required");

            if (body["scheduled_end_time"] is null)
                return FakeResponse.InvalidField("scheduled_end_time", "BASE_TYPE_REQUIRED", "This field is required");
        }
        else if (body["channel_id"] is null)
        {
            return FakeResponse.InvalidField("channel_id", "BASE_TYPE_REQUIRED", "This field is required");
        }

        var created = JsonNode.Parse(FixtureFiles.Read("scheduled_event_object.json"))!.AsObject();
        lock (_state.Lock)
        {
            created["id"] = _state.NewSnowflake().ToString(CultureInfo.InvariantCulture);
        }

        created["guild_id"] = request["guild_id"];
        created["channel_id"] = body["channel_id"]?.DeepClone();
        created["name"] = body["name"]!.DeepClone();
        created["description"] = body["description"]?.DeepClone();
        created["scheduled_start_time"] = body["scheduled_start_time"]!.DeepClone();
        created["scheduled_end_time"] = body["scheduled_end_time"]?.DeepClone();
        created["privacy_level"] = body["privacy_level"]!.DeepClone();
        created["status"] = 1;
        created["entity_type"] = entityType;
        created["entity_metadata"] = entityType == 3 ? body["entity_metadata"]!.DeepClone() : null;
        return FakeResponse.Ok(created);
    }

    [GeneratedRegex(@"^/guilds/(?<guild_id>\d+)/scheduled-events$")]
    private static partial Regex ScheduledEventsPath();
}
