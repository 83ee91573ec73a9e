using System.Text.Json;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class OptionValueTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Option_values_of_every_kind_are_read_with_their_kind()
    {
        const string json = """
            {"name": "create", "type": 1, "options": [
              {"name": "title", "type": 3, "value": "Game night"},
              {"name": "minutes", "type": 4, "value": 120},
              {"name": "ratio", "type": 10, "value": 0.75},
              {"name": "public", "type": 5, "value": true},
              {"name": "host", "type": 6, "value": "874955302502531078"}
            ]}
            """;

        var options = JsonSerializer.Deserialize(json, Json.InteractionDataOption)!.Options!;

        Assert.True(options[0].Value!.Value.TryGetString(out var title));
        Assert.Equal("Game night", title);
        Assert.True(options[1].Value!.Value.TryGetInt64(out var minutes));
        Assert.Equal(120, minutes);
        Assert.True(options[1].Value!.Value.TryGetDouble(out var minutesAsNumber));
        Assert.Equal(120.0, minutesAsNumber);
        Assert.True(options[2].Value!.Value.TryGetDouble(out var ratio));
        Assert.Equal(0.75, ratio);
        Assert.False(options[2].Value!.Value.TryGetInt64(out _));
        Assert.True(options[3].Value!.Value.TryGetBoolean(out var isPublic));
        Assert.True(isPublic);
        Assert.True(options[4].Value!.Value.TryGetSnowflake(out var host));
        Assert.Equal(874955302502531078UL, host);
        Assert.False(options[0].Value!.Value.TryGetSnowflake(out _));
    }

    [Fact]
    public void Choice_values_are_written_as_strings_or_numbers()
    {
        IReadOnlyList<ApplicationCommandOptionChoice> choices =
        [
            new() { Name = "Dog", Value = "animal_dog" },
            new() { Name = "Ten", Value = 10 },
            new() { Name = "Half", Value = 0.5 },
        ];

        var json = JsonSerializer.Serialize(InteractionResponse.AutocompleteResult(choices), Json.InteractionResponse);

        Assert.Equal(
            "{\"type\":8,\"data\":{\"choices\":[{\"name\":\"Dog\",\"value\":\"animal_dog\"},{\"name\":\"Ten\",\"value\":10},{\"name\":\"Half\",\"value\":0.5}]}}",
            json);
    }

    [Fact]
    public void An_option_without_value_is_written_without_value()
    {
        var subcommand = new InteractionDataOption { Name = "list", Type = ApplicationCommandOptionType.SubCommand };

        Assert.Equal("{\"name\":\"list\",\"type\":1}", JsonSerializer.Serialize(subcommand, Json.InteractionDataOption));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void A_value_that_is_not_a_scalar_is_a_json_error(string value)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($"{{\"name\":\"x\",\"value\":{value}}}", Json.ApplicationCommandOptionChoice));
    }
}
