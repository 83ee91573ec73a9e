using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Serialization;

/// <summary>
/// Every <c>ulong</c> in the Discord models is a snowflake: written as a JSON string (JavaScript
/// loses precision above 2^53), read from a string or, as Discord sometimes sends, a number.
/// Registered for all <c>ulong</c>s in <see cref="DiscordJson"/>, so other integers use <c>int</c>/<c>long</c>.
/// Also converts dictionary keys (the <c>resolved</c> maps are keyed by id).
/// </summary>
public sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Parse(reader.GetString()),
            JsonTokenType.Number when reader.TryGetUInt64(out var id) => id,
            _ => throw new JsonException($"Expected a snowflake (a string of digits), got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    public override ulong ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString(CultureInfo.InvariantCulture));

    private static ulong Parse(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JsonException($"'{text}' is not a snowflake.");
}
