using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Tests.Interactions;

/// <summary>Metric labels and log scopes name an interaction from a bounded set: never a custom id's data, an id or a token.</summary>
public sealed class InteractionLabelsTests
{
    [Theory]
    [InlineData(InteractionType.ApplicationCommand, "ask", null, "ask")]
    [InlineData(InteractionType.ApplicationCommandAutocomplete, "about", null, "about")]
    [InlineData(InteractionType.MessageComponent, null, "ask:m1:'who directed the film", "ask")]
    [InlineData(InteractionType.MessageComponent, null, "no-separator-here", InteractionLabels.Other)]
    [InlineData(InteractionType.MessageComponent, null, "Some Thing:1", InteractionLabels.Other)]
    [InlineData(InteractionType.ApplicationCommand, "a-name-that-is-far-too-long-for-discord", null, InteractionLabels.Other)]
    public void The_command_label_is_the_command_or_the_owner_of_the_button(InteractionType type, string? name, string? customId, string expected)
    {
        var interaction = new Interaction { Id = 1, Type = type, Data = new InteractionData { Name = name, CustomId = customId } };

        Assert.Equal(expected, InteractionLabels.Command(interaction));
        Assert.Equal(expected, InteractionLabelsScope(interaction)["Command"]);
    }

    [Fact]
    public void The_log_scope_carries_the_id_as_text_and_the_command()
    {
        var scope = InteractionLogScope.For(new Interaction { Id = 1459600000000000001, Type = InteractionType.ApplicationCommand, Data = new InteractionData { Name = "ask" } });

        Assert.Equal(new Dictionary<string, object?> { ["InteractionId"] = "1459600000000000001", ["Command"] = "ask" }, scope.ToDictionary());
        Assert.Equal("Interaction 1459600000000000001 (ask)", scope.ToString());
    }

    private static Dictionary<string, object?> InteractionLabelsScope(Interaction interaction) => InteractionLogScope.For(interaction).ToDictionary();
}
