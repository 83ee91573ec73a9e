using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>
/// What Discord refuses in a message body (PROTOCOL.md §5.4 and §8), as the local Discord enforces it
/// on callbacks, edits, follow-ups and channel messages: content over 2000 characters, more than 10
/// embeds, an embed text over its limit or the embeds over 6000 characters in all, a blank field name
/// or value, more than 5 action rows or 5 buttons in a row, a label over 80, a custom id that is
/// missing, over 100 or used twice, more than 25 select options or autocomplete choices. Tests use
/// it too, to say a message the bot sent is one Discord takes.
/// </summary>
public static class MessageRules
{
    /// <summary>A refusal: where (dotted, as in a 50035 <c>errors</c> object), Discord's code and message.</summary>
    public readonly record struct Problem(string Path, string Code, string Message);

    /// <summary>Every rule <paramref name="message"/> breaks; empty when Discord would take it.</summary>
    /// <param name="prefix">Where the message sits in the body: <c>data.</c> in a callback.</param>
    public static IReadOnlyList<Problem> Problems(JsonNode? message, string prefix = "")
    {
        var problems = new List<Problem>();
        if (message is not JsonObject body)
            return problems;
        MaxLength(problems, prefix + "content", body["content"], 2000);
        CheckEmbeds(problems, prefix + "embeds", body["embeds"] as JsonArray);
        if ((((int?)body["flags"] ?? 0) & 32768) == 0)
            CheckRows(problems, prefix + "components", body["components"] as JsonArray);
        return problems;
    }

    /// <summary>Every rule an autocomplete result's choices break.</summary>
    public static IReadOnlyList<Problem> ChoiceProblems(JsonNode? choices, string path = "data.choices")
    {
        var problems = new List<Problem>();
        if (choices is not JsonArray list)
            return problems;
        Count(problems, path, list, 25);
        for (var i = 0; i < list.Count; i++)
        {
            Length(problems, $"{path}.{i}.name", list[i]?["name"], 1, 100);
            if (list[i]?["value"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 100)
                problems.Add(new($"{path}.{i}.value", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."));
        }

        return problems;
    }

    private static void CheckEmbeds(List<Problem> problems, string path, JsonArray? embeds)
    {
        if (embeds is null)
            return;
        Count(problems, path, embeds, 10);
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i];
            var at = $"{path}.{i}";
            total += MaxLength(problems, at + ".title", embed?["title"], 256);
            total += MaxLength(problems, at + ".description", embed?["description"], 4096);
            total += MaxLength(problems, at + ".footer.text", embed?["footer"]?["text"], 2048);
            total += MaxLength(problems, at + ".author.name", embed?["author"]?["name"], 256);
            if (embed?["fields"] is not JsonArray fields)
                continue;
            Count(problems, at + ".fields", fields, 25);
            for (var f = 0; f < fields.Count; f++)
            {
                total += Length(problems, $"{at}.fields.{f}.name", fields[f]?["name"], 1, 256);
                total += Length(problems, $"{at}.fields.{f}.value", fields[f]?["value"], 1, 1024);
            }
        }

        if (total > 6000)
            problems.Add(new(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"));
    }

    private static void CheckRows(List<Problem> problems, string path, JsonArray? rows)
    {
        if (rows is null)
            return;
        Count(problems, path, rows, 5);
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if ((int?)rows[r]?["type"] != 1 || rows[r]?["components"] is not JsonArray children || children.Count is < 1 or > 5)
            {
                problems.Add(new($"{path}.{r}", "UNION_TYPE_CHOICES", "An action row holds 1 to 5 components."));
                continue;
            }

            for (var c = 0; c < children.Count; c++)
                CheckChild(problems, $"{path}.{r}.components.{c}", children[c], customIds);
        }
    }

    private static void CheckChild(List<Problem> problems, string at, JsonNode? child, HashSet<string> customIds)
    {
        MaxLength(problems, at + ".label", child?["label"], 80);
        MaxLength(problems, at + ".placeholder", child?["placeholder"], 150);
        var style = (int?)child?["style"];
        var routed = (int?)child?["type"] != 2 || style is >= 1 and <= 4;
        if (routed && Length(problems, at + ".custom_id", child?["custom_id"], 1, 100) > 0 && !customIds.Add((string)child!["custom_id"]!))
            problems.Add(new(at + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"));
        if (child?["options"] is JsonArray options)
        {
            Count(problems, at + ".options", options, 25);
            for (var o = 0; o < options.Count; o++)
            {
                Length(problems, $"{at}.options.{o}.label", options[o]?["label"], 1, 100);
                Length(problems, $"{at}.options.{o}.value", options[o]?["value"], 1, 100);
                MaxLength(problems, $"{at}.options.{o}.description", options[o]?["description"], 100);
            }
        }
    }

    private static void Count(List<Problem> problems, string path, JsonArray list, int max)
    {
        if (list.Count > max)
            problems.Add(new(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length."));
    }

    /// <summary>Checks an optional text; returns its length (0 when absent).</summary>
    private static int MaxLength(List<Problem> problems, string path, JsonNode? node, int max)
    {
        var length = node is JsonValue value && value.TryGetValue<string>(out var text) ? text.Length : 0;
        if (length > max)
            problems.Add(new(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length."));
        return length;
    }

    /// <summary>Checks a required text, which Discord trims first; returns its length.</summary>
    private static int Length(List<Problem> problems, string path, JsonNode? node, int min, int max)
    {
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(text) && min > 0)
            problems.Add(new(path, "BASE_TYPE_REQUIRED", "This field is required"));
        else if (text is not null && text.Length > max)
            problems.Add(new(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length."));
        return text?.Length ?? 0;
    }
}
