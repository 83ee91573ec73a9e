using System.Text.Json;

namespace Bot.Discord.Rest;

/// <summary>A failed REST call: what kind of failure, and what Discord said. Holds no token.</summary>
/// <param name="Kind">The named outcome.</param>
/// <param name="Message">Discord's message, or a short description of the failure.</param>
public sealed record DiscordRestError(DiscordRestErrorKind Kind, string Message)
{
    /// <summary>The HTTP status, when an answer came.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Discord's JSON error code (10062, 40060, 50013…), when the body had one.</summary>
    public int? Code { get; init; }

    /// <summary>For 50035: the <c>errors</c> object, mirroring the request.</summary>
    public JsonElement? Errors { get; init; }

    /// <summary>For rate-limit outcomes: how long Discord asked to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Requests sent for this call (0 when it failed before sending).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// The leaves of a 50035 <see cref="Errors"/> object as <c>(path, code, message)</c>, the path dotted
    /// like <c>embeds.0.title</c> (empty for an error about the whole body).
    /// </summary>
    public IReadOnlyList<(string Path, string Code, string Message)> FormErrors()
    {
        var found = new List<(string, string, string)>();
        if (Errors is { } errors)
            Collect(errors, "", found);

        return found;
    }

    private static void Collect(JsonElement node, string path, List<(string, string, string)> found)
    {
        if (node.ValueKind != JsonValueKind.Object)
            return;

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    found.Add((path, ReadString(error, "code"), ReadString(error, "message")));
                }
            }
            else
            {
                Collect(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, found);
            }
        }
    }

    private static string ReadString(JsonElement error, string name) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}
