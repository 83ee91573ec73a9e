using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Tests.Observability;

/// <summary>The bot's standard error written by the JSON console formatter: one JSON object per line.</summary>
internal static class JsonLogLines
{
    /// <summary>Every line, each of which must be a JSON object (a line that is not is a formatter problem).</summary>
    public static IReadOnlyList<JsonObject> Parse(string stderr)
    {
        var lines = new List<JsonObject>();
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                lines.Add(JsonNode.Parse(line)!.AsObject());
            }
            catch (JsonException e)
            {
                Assert.Fail($"A log line is not JSON ({e.Message}): {line}");
            }
        }

        return lines;
    }

    /// <summary>The value of <paramref name="key"/> in any of the line's scopes, or null.</summary>
    public static string? Scoped(JsonObject line, string key) =>
        (line["Scopes"] as JsonArray ?? []).Select(scope => scope?[key]?.ToString()).FirstOrDefault(value => value is not null);

    /// <summary>The value of <paramref name="key"/> among the line's own values (<c>State</c>), as text.</summary>
    public static string? Stated(JsonObject line, string key) => line["State"]?[key]?.ToString();

    public static string Category(JsonObject line) => (string?)line["Category"] ?? "";

    public static string Message(JsonObject line) => (string?)line["Message"] ?? "";
}
