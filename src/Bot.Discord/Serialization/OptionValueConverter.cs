using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models.Commands;

namespace Bot.Discord.Serialization;

/// <summary>Reads and writes <see cref="OptionValue"/> as the JSON string, number or boolean it is.</summary>
public sealed class OptionValueConverter : JsonConverter<OptionValue>
{
    public override OptionValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => OptionValue.FromString(reader.GetString()!),
            JsonTokenType.Number when reader.TryGetInt64(out var integer) => OptionValue.FromInteger(integer),
            JsonTokenType.Number => OptionValue.FromNumber(reader.GetDouble()),
            JsonTokenType.True => OptionValue.FromBoolean(true),
            JsonTokenType.False => OptionValue.FromBoolean(false),
            _ => throw new JsonException($"An option value must be a string, number or boolean, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, OptionValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case OptionValueKind.String when value.TryGetString(out var text):
                writer.WriteStringValue(text);
                break;
            case OptionValueKind.Integer when value.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case OptionValueKind.Number when value.TryGetDouble(out var number):
                writer.WriteNumberValue(number);
                break;
            case OptionValueKind.Boolean when value.TryGetBoolean(out var flag):
                writer.WriteBooleanValue(flag);
                break;
            default:
                throw new JsonException("An option value without a value cannot be written.");
        }
    }
}
