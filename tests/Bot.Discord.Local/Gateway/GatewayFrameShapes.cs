using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local.Gateway;

/// <summary>
/// Checks the frames a client sends against the documented samples: every field of the minimal sample
/// present with the same JSON kind, and nothing the full sample does not know.
/// </summary>
public static class GatewayFrameShapes
{
    private static readonly Lazy<JsonNode> Identify = new(() => Fixture("gateway_identify.json"));
    private static readonly Lazy<JsonNode> IdentifyFull = new(() => Fixture("gateway_identify_full.json"));
    private static readonly Lazy<JsonNode> Resume = new(() => Fixture("gateway_resume.json"));
    private static readonly Lazy<JsonNode> Heartbeat = new(() => Fixture("gateway_heartbeat.json"));

    /// <summary>What is wrong with <paramref name="frame"/> for its opcode; empty when it matches.</summary>
    public static IReadOnlyList<string> Problems(JsonNode frame)
    {
        var problems = new List<string>();
        switch ((int?)frame["op"])
        {
            case 1:
                Compare(Heartbeat.Value, Heartbeat.Value, frame, "", problems, nullAllowed: ["d"]);
                break;
            case 2:
                Compare(Identify.Value, IdentifyFull.Value, frame, "", problems, nullAllowed: []);
                break;
            case 6:
                Compare(Resume.Value, Resume.Value, frame, "", problems, nullAllowed: []);
                break;
        }

        return problems;
    }

    private static void Compare(JsonNode required, JsonNode allowed, JsonNode? actual, string path, List<string> problems, IReadOnlyList<string> nullAllowed)
    {
        if (actual is null)
        {
            if (!nullAllowed.Contains(path))
                problems.Add($"{Name(path)} is null");

            return;
        }

        if (Kind(required) != Kind(actual))
        {
            problems.Add($"{Name(path)} is {Kind(actual)}, expected {Kind(required)}");
            return;
        }

        if (required is not JsonObject requiredObject || actual is not JsonObject actualObject)
            return;

        foreach (var (name, value) in requiredObject)
        {
            if (!actualObject.ContainsKey(name))
            {
                problems.Add($"{Name(Join(path, name))} is missing");
            }
            else
            {
                Compare(value!, allowed[name] ?? value!, actualObject[name], Join(path, name), problems, nullAllowed);
            }
        }

        foreach (var (name, value) in actualObject)
        {
            if (requiredObject.ContainsKey(name))
                continue;

            if (allowed is not JsonObject allowedObject || !allowedObject.ContainsKey(name))
            {
                problems.Add($"{Name(Join(path, name))} is not a documented field");
            }
            else if (value is not null && Kind(allowedObject[name]!) != Kind(value))
            {
                problems.Add($"{Name(Join(path, name))} is {Kind(value)}, expected {Kind(allowedObject[name]!)}");
            }
        }
    }

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
        var kind => kind,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Name(string path) => path.Length == 0 ? "the frame" : path;

    private static JsonNode Fixture(string name) => JsonNode.Parse(FixtureFiles.Read(name))!;
}
