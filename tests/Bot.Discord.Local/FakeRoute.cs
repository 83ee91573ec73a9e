using System.Text.RegularExpressions;

namespace Bot.Discord.Local;

/// <summary>One route the local server implements. <see cref="Path"/> has named groups for the path parameters.</summary>
internal sealed record FakeRoute(string Operation, string Method, Regex Path, Func<FakeRequest, FakeResponse> Handle)
{
    /// <summary>False where the token in the path is the credential (interaction callbacks and webhooks).</summary>
    public bool BotAuth { get; init; } = true;

    /// <summary>Groups whose values split the bucket (channel, guild, webhook id + token).</summary>
    public IReadOnlyList<string> MajorGroups { get; init; } = [];

    public string MajorKey(Match match) => string.Join('/', MajorGroups.Select(group => match.Groups[group].Value));
}

/// <summary>What a route handler gets.</summary>
internal sealed record FakeRequest(Match Match, IReadOnlyDictionary<string, string> Query, System.Text.Json.Nodes.JsonNode? Json)
{
    public string this[string group] => Uri.UnescapeDataString(Match.Groups[group].Value);

    public ulong Id(string group) => ulong.Parse(Match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A route handler's answer: a status and a JSON body (null for 204).</summary>
internal sealed record FakeResponse(int Status, string? Json)
{
    public static FakeResponse NoContent { get; } = new(204, null);

    public static FakeResponse Ok(System.Text.Json.Nodes.JsonNode body) => new(200, body.ToJsonString());

    public static FakeResponse Error(int status, int code, string message) =>
        new(status, new System.Text.Json.Nodes.JsonObject { ["message"] = message, ["code"] = code }.ToJsonString());

    /// <summary>A 50035 with one field error, as Discord nests them.</summary>
    public static FakeResponse InvalidField(string path, string code, string message)
    {
        System.Text.Json.Nodes.JsonNode leaf = new System.Text.Json.Nodes.JsonObject
        {
            ["_errors"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = message }),
        };
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            leaf = new System.Text.Json.Nodes.JsonObject { [part] = leaf };
        }

        return new(400, new System.Text.Json.Nodes.JsonObject { ["code"] = 50035, ["errors"] = leaf, ["message"] = "Invalid Form Body" }.ToJsonString());
    }
}
