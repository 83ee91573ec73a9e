using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models.Gateway;

namespace Bot.Discord.Serialization;

/// <summary>Converts <see cref="Shard"/> to and from the two-element array <c>[id, count]</c>.</summary>
public sealed class ShardConverter : JsonConverter<Shard>
{
    public override Shard Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("A shard must be the array [shard_id, num_shards].");

        var id = ReadInt(ref reader);
        var count = ReadInt(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("A shard array must have exactly two numbers.");

        return new Shard(id, count);
    }

    public override void Write(Utf8JsonWriter writer, Shard value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Id);
        writer.WriteNumberValue(value.Count);
        writer.WriteEndArray();
    }

    private static int ReadInt(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.Number
            ? reader.GetInt32()
            : throw new JsonException("A shard array must have exactly two numbers.");
}
