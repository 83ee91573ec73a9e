using System.Text.Json;
using Bot.Discord.Local;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests;

/// <summary>What the bot builds with the factories is exactly what the documented samples show.</summary>
public sealed class BuilderTests
{
    private static readonly DiscordJson Json = DiscordJson.Default;

    [Fact]
    public void Pong_deferrals_and_update_match_the_samples()
    {
        AssertWrites("response_pong.json", InteractionResponse.Pong, Json.InteractionResponse);
        AssertWrites("response_deferred_ephemeral.json", InteractionResponse.DeferredChannelMessage(ephemeral: true), Json.InteractionResponse);
        AssertWrites("response_deferred_update_message.json", InteractionResponse.DeferredUpdateMessage, Json.InteractionResponse);
        AssertWrites(
            "response_update_message.json",
            InteractionResponse.UpdateMessage(new InteractionCallbackData { Content = "Choice saved.", Components = [] }),
            Json.InteractionResponse);
        Assert.Equal("{\"type\":5}", JsonSerializer.Serialize(InteractionResponse.DeferredChannelMessage(ephemeral: false), Json.InteractionResponse));
    }

    [Fact]
    public void Ephemeral_reply_that_pings_nobody_matches_the_sample()
    {
        var response = InteractionResponse.ChannelMessage(new InteractionCallbackData
        {
            Content = "Only you can see this. ||spoiler||",
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        });

        AssertWrites("response_ephemeral_message.json", response, Json.InteractionResponse);
    }

    [Fact]
    public void Buttons_and_a_select_in_action_rows_match_the_sample()
    {
        var request = new CreateMessageRequest
        {
            Content = "Pick one:",
            AllowedMentions = AllowedMentions.None,
            Components =
            [
                Component.ActionRow(
                    Component.Button(ButtonStyle.Success, "Going", "rsvp:1533158872842371085:yes"),
                    Component.Button(ButtonStyle.Danger, "Not going", "rsvp:1533158872842371085:no"),
                    Component.LinkButton("Docs", "https://discord.com/developers/docs")),
                Component.ActionRow(
                    Component.StringSelect(
                        "rsvp_role",
                        [
                            new SelectOption { Label = "Player", Value = "player", Description = "I want to play" },
                            new SelectOption { Label = "Spectator", Value = "spectator" },
                        ],
                        placeholder: "Choose a role",
                        minValues: 1,
                        maxValues: 1)),
            ],
        };

        AssertWrites("message_create_buttons_request.json", request, Json.CreateMessageRequest);
    }

    [Fact]
    public void Modal_with_a_labelled_select_matches_the_sample()
    {
        var select = Component.StringSelect(
            "favorite_bug",
            [
                new SelectOption { Label = "Ant", Value = "ant", Description = "(best option)", Emoji = new Emoji { Name = "🐜" } },
                new SelectOption { Label = "Butterfly", Value = "butterfly", Emoji = new Emoji { Name = "🦋" } },
                new SelectOption { Label = "Caterpillar", Value = "caterpillar", Emoji = new Emoji { Name = "🐛" } },
            ],
            placeholder: "Ants are the best");
        select = select with { Id = 2 };

        var modal = InteractionResponse.Modal("bug_modal", "Bug Survey", [Component.LabelFor("Favorite bug?", select) with { Id = 1 }]);

        AssertWrites("response_modal_string_select.json", modal, Json.InteractionResponse);
    }

    [Fact]
    public void Autocomplete_result_with_a_localized_choice_matches_the_sample()
    {
        var response = InteractionResponse.AutocompleteResult(
        [
            new ApplicationCommandOptionChoice { Name = "Classic", Value = "classic" },
            new ApplicationCommandOptionChoice
            {
                Name = "Foghorn",
                Value = "foghorn",
                NameLocalizations = new Dictionary<string, string> { ["de"] = "Nebelhorn" },
            },
            new ApplicationCommandOptionChoice { Name = "Bike horn", Value = "bike_horn" },
        ]);

        AssertWrites("response_autocomplete_result.json", response, Json.InteractionResponse);
    }

    private static void AssertWrites<T>(string fixture, T model, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonEquivalence.AssertEquivalent(FixtureFiles.Read(fixture), JsonSerializer.Serialize(model, typeInfo));
}
