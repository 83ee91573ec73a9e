using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local.OpenApi;

/// <summary>
/// Checks a JSON value against the JSON-schema subset Discord's OpenAPI description uses for request bodies.
/// </summary>
/// <remarks>
/// Checked: <c>$ref</c> (local JSON pointers, siblings applied too), <c>type</c> (one or a list, with
/// <c>"null"</c>; <c>integer</c> = a number without fraction), OpenAPI 3.0 <c>nullable</c>, <c>const</c>,
/// <c>enum</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c> (schema or boolean),
/// <c>minProperties</c>/<c>maxProperties</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>,
/// <c>uniqueItems</c>, <c>minLength</c>/<c>maxLength</c> (in Unicode code points), <c>pattern</c>,
/// <c>minimum</c>/<c>maximum</c>, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c> (exactly one branch).
/// <para>Stricter than JSON Schema: an object member no schema declares is an error (Discord's request
/// schemas list every accepted field and allow no others by omission, so an unknown member is a typo or
/// a field the route ignores). Inside <c>allOf</c> the members of all branches count as declared.</para>
/// <para>Not checked: <c>format</c> (date-time, uri, snowflake, int32/int64 widths), <c>contentEncoding</c>,
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>patternProperties</c>,
/// <c>propertyNames</c>, <c>dependentRequired</c>/<c>dependentSchemas</c>, <c>if</c>/<c>then</c>/<c>else</c>,
/// <c>not</c>, <c>contains</c>, <c>prefixItems</c>, <c>discriminator</c>, <c>readOnly</c>/<c>writeOnly</c>,
/// remote <c>$ref</c>s; <c>x-discord-union: oneOf</c> is read as the <c>anyOf</c> it annotates (its
/// branches overlap, e.g. a follow-up body fits both webhook schemas). Cross-field rules that live only
/// in the docs (e.g. "one of content, embeds or components", 6000 characters over all embeds) are not
/// in the schema and so not checked.</para>
/// </remarks>
public sealed class JsonSchemaSubsetValidator
{
    private readonly JsonElement _document;

    public JsonSchemaSubsetValidator(JsonElement document) => _document = document;

    /// <summary>
    /// Members whose schema says <c>integer</c> where Discord's docs say a decimal string (permission bitsets):
    /// a string of digits is accepted there and checked against the bounds as a number.
    /// </summary>
    public IReadOnlySet<string> IntegerAsStringMembers { get; init; } = new HashSet<string>();

    /// <summary>Every violation, each with its JSON path (<c>$.embeds[0].title</c>); empty when the value fits.</summary>
    public IReadOnlyList<string> Validate(JsonElement value, JsonElement schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", null, errors, declaredElsewhere: false);
        return errors;
    }

    public JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
            throw new NotSupportedException($"Only local $refs are supported: {reference}");

        var node = _document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node))
                throw new InvalidOperationException($"$ref {reference} points nowhere.");
        }

        return node;
    }

    /// <param name="declaredElsewhere">True inside an allOf branch: unknown members are judged by the allOf as a whole.</param>
    private void Check(JsonElement value, JsonElement schema, string path, string? member, List<string> errors, bool declaredElsewhere)
    {
        if (schema.ValueKind == JsonValueKind.True)
            return;

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: no value is allowed here.");
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
            Check(value, Resolve(reference.GetString()!), path, member, errors, declaredElsewhere);

        if (value.ValueKind == JsonValueKind.Null && schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
            return;

        if (!CheckType(value, schema, path, member, errors, out var numeric))
        {
            return; // other keywords would only repeat the type error
        }

        CheckValue(value, schema, path, errors, declaredElsewhere, numeric);
        CheckCombinators(value, schema, path, member, errors, declaredElsewhere);
    }

    /// <summary>The keywords on the value itself: const, enum, the string, array and object ones, minimum and maximum.</summary>
    private void CheckValue(JsonElement value, JsonElement schema, string path, List<string> errors, bool declaredElsewhere, decimal? numeric)
    {
        if (schema.TryGetProperty("const", out var constant) && !JsonEquals(value, constant))
            errors.Add($"{path}: {value.GetRawText()} is not {constant.GetRawText()}.");

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(option => JsonEquals(value, option)))
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}.");

        switch (value.ValueKind)
        {
            case JsonValueKind.String when numeric is null:
                CheckString(value.GetString()!, schema, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(value, schema, path, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(value, schema, path, errors, declaredElsewhere);
                break;
        }

        if (numeric is { } number)
        {
            if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDecimal())
                errors.Add($"{path}: {number} is below the minimum {minimum.GetRawText()}.");

            if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDecimal())
                errors.Add($"{path}: {number} is above the maximum {maximum.GetRawText()}.");
        }
    }

    /// <summary>The keywords that combine schemas: allOf, anyOf, oneOf.</summary>
    private void CheckCombinators(JsonElement value, JsonElement schema, string path, string? member, List<string> errors, bool declaredElsewhere)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var branch in allOf.EnumerateArray())
            {
                Check(value, branch, path, member, errors, declaredElsewhere: true);
            }

            if (value.ValueKind == JsonValueKind.Object && !declaredElsewhere)
                CheckUnknownMembers(value, [schema, .. allOf.EnumerateArray()], path, errors);
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var outcomes = Branches(value, anyOf, path, member);
            if (!outcomes.Any(errors => errors.Count == 0))
                errors.Add($"{path}: matches none of the anyOf branches ({Summary(anyOf, outcomes)}).");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var outcomes = Branches(value, oneOf, path, member);
            var matched = outcomes.Count(errors => errors.Count == 0);
            if (matched != 1)
            {
                errors.Add(matched == 0
                    ? $"{path}: matches none of the oneOf branches ({Summary(oneOf, outcomes)})."
                    : $"{path}: matches {matched} oneOf branches, exactly one is allowed.");
            }
        }
    }

    private List<List<string>> Branches(JsonElement value, JsonElement branches, string path, string? member) =>
        branches.EnumerateArray().Select(branch =>
        {
            var found = new List<string>();
            Check(value, branch, path, member, found, declaredElsewhere: false);
            return found;
        }).ToList();

    private static string Summary(JsonElement branches, List<List<string>> outcomes) =>
        string.Join(" | ", branches.EnumerateArray().Zip(outcomes).Select(pair =>
            (pair.First.TryGetProperty("$ref", out var name) ? name.GetString()!.Split('/')[^1] : pair.First.TryGetProperty("type", out var type) ? type.GetRawText() : "schema")
            + ": " + string.Join("; ", pair.Second.Take(3))));

    private bool CheckType(JsonElement value, JsonElement schema, string path, string? member, List<string> errors, out decimal? numeric)
    {
        var number = value.ValueKind == JsonValueKind.Number ? ReadNumber(value) : null;
        numeric = number;
        if (!schema.TryGetProperty("type", out var type))
            return true;

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        var fits = types.Any(expected => expected switch
        {
            "null" => value.ValueKind == JsonValueKind.Null,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && number is { } n && decimal.Truncate(n) == n,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => throw new NotSupportedException($"Unknown JSON type '{expected}' at {path}."),
        });

        if (!fits && types.Contains("integer") && member is not null && IntegerAsStringMembers.Contains(member)
            && value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            numeric = parsed;
            return true;
        }

        if (!fits)
            errors.Add($"{path}: {value.ValueKind} {Shorten(value)} is not {type.GetRawText()}.");

        return fits;
    }

    private static void CheckString(string text, JsonElement schema, string path, List<string> errors)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.TryGetProperty("maxLength", out var maxLength) && length > maxLength.GetInt32())
            errors.Add($"{path}: {length} characters, at most {maxLength.GetInt32()} allowed.");

        if (schema.TryGetProperty("minLength", out var minLength) && length < minLength.GetInt32())
            errors.Add($"{path}: {length} characters, at least {minLength.GetInt32()} needed.");

        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            errors.Add($"{path}: \"{text}\" does not match {pattern.GetString()}.");
    }

    private void CheckArray(JsonElement array, JsonElement schema, string path, List<string> errors)
    {
        var count = array.GetArrayLength();
        if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
            errors.Add($"{path}: {count} items, at most {maxItems.GetInt32()} allowed.");

        if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
            errors.Add($"{path}: {count} items, at least {minItems.GetInt32()} needed.");

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var items = array.EnumerateArray().ToArray();
            for (var i = 0; i < items.Length; i++)
            {
                if (items.Skip(i + 1).Any(other => JsonEquals(items[i], other)))
                    errors.Add($"{path}: {items[i].GetRawText()} appears more than once.");
            }
        }

        if (schema.TryGetProperty("items", out var itemSchema))
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                Check(item, itemSchema, $"{path}[{index++}]", null, errors, declaredElsewhere: false);
            }
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<string> errors, bool declaredElsewhere)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                    errors.Add($"{path}: required member '{name}' is missing.");
            }
        }

        var count = value.EnumerateObject().Count();
        if (schema.TryGetProperty("maxProperties", out var maxProperties) && count > maxProperties.GetInt32())
            errors.Add($"{path}: {count} members, at most {maxProperties.GetInt32()} allowed.");

        if (schema.TryGetProperty("minProperties", out var minProperties) && count < minProperties.GetInt32())
            errors.Add($"{path}: {count} members, at least {minProperties.GetInt32()} needed.");

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (hasProperties && properties.TryGetProperty(member.Name, out var memberSchema))
            {
                Check(member.Value, memberSchema, memberPath, member.Name, errors, declaredElsewhere: false);
            }
            else if (hasAdditional)
            {
                Check(member.Value, additional, memberPath, member.Name, errors, declaredElsewhere: false);
            }
        }

        if (hasProperties && !hasAdditional && !declaredElsewhere && !schema.TryGetProperty("allOf", out _))
            CheckUnknownMembers(value, [schema], path, errors);
    }

    /// <summary>The stricter-than-JSON-Schema rule: every member must be declared by one of <paramref name="schemas"/>.</summary>
    private void CheckUnknownMembers(JsonElement value, IReadOnlyList<JsonElement> schemas, string path, List<string> errors)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in schemas.Select(Follow))
        {
            if (schema.ValueKind != JsonValueKind.Object)
                continue;

            if (schema.TryGetProperty("additionalProperties", out _))
            {
                return; // extra members are described, and were checked against it
            }

            if (schema.TryGetProperty("properties", out var properties))
                declared.UnionWith(properties.EnumerateObject().Select(p => p.Name));
        }

        if (declared.Count == 0)
        {
            return; // nothing declares object members here (e.g. an allOf of scalar schemas)
        }

        foreach (var member in value.EnumerateObject().Where(m => !declared.Contains(m.Name)))
        {
            errors.Add($"{path}: member '{member.Name}' is not in the schema.");
        }
    }

    private JsonElement Follow(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && !schema.TryGetProperty("properties", out _))
        {
            schema = Resolve(reference.GetString()!);
        }

        return schema;
    }

    private static decimal? ReadNumber(JsonElement value) =>
        value.TryGetDecimal(out var exact) ? exact : (decimal?)null;

    private static bool JsonEquals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number)
            return ReadNumber(left) == ReadNumber(right);

        if (left.ValueKind != right.ValueKind)
            return false;

        return left.ValueKind switch
        {
            JsonValueKind.String => left.GetString() == right.GetString(),
            JsonValueKind.Array => left.GetArrayLength() == right.GetArrayLength()
                && left.EnumerateArray().Zip(right.EnumerateArray()).All(pair => JsonEquals(pair.First, pair.Second)),
            JsonValueKind.Object => left.EnumerateObject().Count() == right.EnumerateObject().Count()
                && left.EnumerateObject().All(member => right.TryGetProperty(member.Name, out var other) && JsonEquals(member.Value, other)),
            _ => true, // true, false, null
        };
    }

    private static string Shorten(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
