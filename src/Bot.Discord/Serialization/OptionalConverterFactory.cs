using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.Models;

namespace Bot.Discord.Serialization;

/// <summary>Makes the converter for each <see cref="Optional{T}"/>; the inner value goes through DiscordJson's metadata for <c>T</c>.</summary>
public sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
{
    // A JSON null is a present value, so it must reach Read instead of being handled by the serializer.
    public override bool HandleNull => true;

    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, InnerTypeInfo(options))!);

    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
    {
        if (!value.HasValue)
        {
            throw new JsonException(
                $"An absent Optional<{typeof(T).Name}> was about to be written: its property needs " +
                "[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)].");
        }

        JsonSerializer.Serialize(writer, value.Value, InnerTypeInfo(options));
    }

    private static JsonTypeInfo<T> InnerTypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
