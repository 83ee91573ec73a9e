using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models;

namespace Bot.Discord.Serialization;

/// <summary>
/// Reads a permission bitset from its decimal string (a number is accepted too) and writes it as a
/// string. Bits above 63, which no permission uses today, are dropped rather than failing the whole payload.
/// </summary>
public sealed class PermissionsConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetUInt64(out var number)
                ? (Permissions)number
                : throw new JsonException("A permission bitset must be a non-negative integer.");
        }

        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a permission bitset string, got {reader.TokenType}.");

        var text = reader.GetString();
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
            return (Permissions)bits;

        if (BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var wide))
            return (Permissions)(ulong)(wide & ulong.MaxValue);

        throw new JsonException($"'{text}' is not a permission bitset.");
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
        writer.WriteStringValue(((ulong)value).ToString(CultureInfo.InvariantCulture));
}
