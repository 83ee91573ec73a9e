using System.Text.Json;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.Users;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class SnowflakeTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Snowflake_is_written_as_a_string()
    {
        var json = JsonSerializer.Serialize(new User { Id = 874955302502531078, Username = "nelly" }, Json.User);

        Assert.Contains("\"id\":\"874955302502531078\"", json);
    }

    [Theory]
    [InlineData("{\"id\":\"874955302502531078\"}")]
    [InlineData("{\"id\":874955302502531078}")]
    public void Snowflake_is_read_from_a_string_or_a_number(string json)
    {
        var user = JsonSerializer.Deserialize(json, Json.User)!;

        Assert.Equal(874955302502531078UL, user.Id);
    }

    [Theory]
    [InlineData(9007199254740993UL)] // 2^53 + 1: the first integer a double cannot hold
    [InlineData(1533158390497411082UL)]
    [InlineData(ulong.MaxValue)]
    public void Snowflake_above_2_pow_53_survives_exactly(ulong id)
    {
        var fromString = JsonSerializer.Deserialize($"{{\"id\":\"{id}\"}}", Json.User)!;
        var fromNumber = JsonSerializer.Deserialize($"{{\"id\":{id}}}", Json.User)!;

        Assert.Equal(id, fromString.Id);
        Assert.Equal(id, fromNumber.Id);
        Assert.Contains($"\"id\":\"{id}\"", JsonSerializer.Serialize(fromNumber, Json.User));
    }

    [Fact]
    public void Nullable_snowflakes_lists_and_map_keys_are_strings_too()
    {
        var message = new CreateMessageRequest
        {
            AllowedMentions = new AllowedMentions { Users = [9007199254740993UL] },
            MessageReference = new MessageReference { MessageId = 1533158394691715084 },
        };
        var resolved = new ResolvedData
        {
            Users = new Dictionary<ulong, User> { [9007199254740993UL] = new() { Id = 9007199254740993UL } },
        };

        var messageJson = JsonSerializer.Serialize(message, Json.CreateMessageRequest);
        var resolvedJson = JsonSerializer.Serialize(resolved, Json.ResolvedData);

        Assert.Contains("\"users\":[\"9007199254740993\"]", messageJson);
        Assert.Contains("\"message_id\":\"1533158394691715084\"", messageJson);
        Assert.StartsWith("{\"users\":{\"9007199254740993\":{\"id\":\"9007199254740993\"", resolvedJson);
        Assert.Equal(9007199254740993UL, JsonSerializer.Deserialize(resolvedJson, Json.ResolvedData)!.Users!.Keys.Single());
    }

    [Theory]
    [InlineData("{\"id\":\"abc\"}")]
    [InlineData("{\"id\":\"-1\"}")]
    [InlineData("{\"id\":-1}")]
    [InlineData("{\"id\":true}")]
    public void Something_that_is_not_a_snowflake_is_a_json_error(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.User));
    }
}
