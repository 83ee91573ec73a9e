using System.Text.Json;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

public sealed class UnknownMembersTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Unknown_members_are_ignored_at_every_level()
    {
        const string json = """
            {
              "id": "1533158390497411082", "type": 2, "token": "t", "version": 1,
              "brand_new_field": {"nested": [1, 2, {"x": null}]},
              "member": {"user": {"id": "1", "username": "u", "discriminator": "0", "avatar": null,
                                  "primary_guild": null, "collectibles": {"nameplate": {}}},
                         "roles": [], "joined_at": "2024-03-05T11:22:33.444000+00:00", "unusual_dm_activity_until": null},
              "data": {"id": "2", "name": "ask", "type": 1, "future": true,
                       "options": [{"name": "q", "type": 3, "value": "hi", "extra": [1]}]}
            }
            """;

        var interaction = JsonSerializer.Deserialize(json, Json.Interaction)!;
        var written = JsonSerializer.Serialize(interaction, Json.Interaction);

        Assert.Equal(1533158390497411082UL, interaction.Id);
        Assert.Equal("u", interaction.Invoker!.Username);
        Assert.True(interaction.Data!.Options![0].Value!.Value.TryGetString(out var question));
        Assert.Equal("hi", question);
        Assert.DoesNotContain("brand_new_field", written);
        Assert.DoesNotContain("collectibles", written);
        Assert.DoesNotContain("future", written);
        Assert.DoesNotContain("extra", written);
    }

    [Fact]
    public void Unknown_enum_values_are_kept_as_numbers()
    {
        var interaction = JsonSerializer.Deserialize("{\"type\":42,\"data\":{\"type\":9}}", Json.Interaction)!;

        Assert.Equal((InteractionType)42, interaction.Type);
        Assert.Equal((ApplicationCommandType)9, interaction.Data!.Type);
        Assert.Contains("\"type\":42", JsonSerializer.Serialize(interaction, Json.Interaction));
    }

    [Fact]
    public void Invoker_is_the_member_in_a_guild_and_the_user_in_a_dm()
    {
        var inGuild = JsonSerializer.Deserialize("{\"member\":{\"user\":{\"id\":\"1\"}},\"user\":{\"id\":\"2\"}}", Json.Interaction)!;
        var inDm = JsonSerializer.Deserialize("{\"user\":{\"id\":\"2\"}}", Json.Interaction)!;

        Assert.Equal(1UL, inGuild.Invoker!.Id);
        Assert.Equal(2UL, inDm.Invoker!.Id);
    }

    [Fact]
    public void The_interaction_token_stays_out_of_its_string_form()
    {
        var interaction = new Interaction { Id = 1, Token = "secret-interaction-token" };

        Assert.DoesNotContain("secret-interaction-token", interaction.ToString());
    }
}
