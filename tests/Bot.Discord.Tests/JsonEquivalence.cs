using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Discord.Tests;

/// <summary>
/// Structural JSON comparison: the same properties (in any order) with equivalent values, arrays
/// element by element, numbers by value (<c>5</c> = <c>5.0</c>). One Discord-specific allowance:
/// two ISO 8601 timestamps are equal when they name the same instant, because Discord writes the
/// same instant in several formats (<c>…06.000Z</c>, <c>…06.000000+00:00</c>) and the models hold a
/// <see cref="DateTimeOffset"/>, not the original text.
/// </summary>
internal static partial class JsonEquivalence
{
    public static void AssertEquivalent(string expectedJson, string actualJson, IEnumerable<string>? ignoredPaths = null)
    {
        var expected = JsonNode.Parse(expectedJson);
        foreach (var path in ignoredPaths ?? [])
        {
            Assert.True(RemovePath(expected, path), $"Ignored path {path} matched nothing; drop it from the list.");
        }

        using var expectedDoc = JsonDocument.Parse(expected?.ToJsonString() ?? "null");
        using var actualDoc = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        Compare(expectedDoc.RootElement, actualDoc.RootElement, "$", differences);
        Assert.True(
            differences.Count == 0,
            $"JSON differs:\n  {string.Join("\n  ", differences)}\nactual: {actualJson}");
    }

    public static IReadOnlyList<string> Differences(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        Compare(expected.RootElement, actual.RootElement, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var property in expected.EnumerateObject())
                {
                    if (actualProperties.Remove(property.Name, out var value))
                    {
                        Compare(property.Value, value, $"{path}.{property.Name}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{property.Name}: missing");
                    }
                }

                differences.AddRange(actualProperties.Keys.Select(name => $"{path}.{name}: not expected"));
                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToArray();
                var actualItems = actual.EnumerateArray().ToArray();
                if (expectedItems.Length != actualItems.Length)
                {
                    differences.Add($"{path}: expected {expectedItems.Length} items, got {actualItems.Length}");
                    return;
                }

                for (var i = 0; i < expectedItems.Length; i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.Number:
                if (!NumbersEqual(expected, actual))
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");

                break;
            case JsonValueKind.String:
                if (!StringsEqual(expected.GetString()!, actual.GetString()!))
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");

                break;
        }
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual) =>
        expected.TryGetDecimal(out var e) && actual.TryGetDecimal(out var a)
            ? e == a
            : expected.GetDouble().Equals(actual.GetDouble());

    private static bool StringsEqual(string expected, string actual) =>
        expected == actual
        || (Timestamp().IsMatch(expected) && Timestamp().IsMatch(actual)
            && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            && e == a);

    private static string Describe(JsonElement element) =>
        element.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? element.ValueKind.ToString().ToLowerInvariant()
            : element.GetRawText();

    /// <summary>Removes every node matching a path like <c>$.member.is_pending</c>; <c>*</c> matches any property or item.</summary>
    private static bool RemovePath(JsonNode? root, string path)
    {
        var segments = path.Split('.');
        Assert.Equal("$", segments[0]);
        return Remove(root, segments.AsSpan(1));
    }

    private static bool Remove(JsonNode? node, ReadOnlySpan<string> segments)
    {
        var head = segments[0];
        var last = segments.Length == 1;
        var removed = false;
        switch (node)
        {
            case JsonObject obj:
                var names = head == "*" ? obj.Select(p => p.Key).ToArray() : obj.ContainsKey(head) ? [head] : [];
                foreach (var name in names)
                {
                    removed |= last ? obj.Remove(name) : Remove(obj[name], segments[1..]);
                }

                break;
            case JsonArray array when head == "*" && !last:
                foreach (var item in array)
                {
                    removed |= Remove(item, segments[1..]);
                }

                break;
        }

        return removed;
    }

    // An ISO 8601 date-time with a zone, as Discord writes timestamps.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Timestamp();
}
