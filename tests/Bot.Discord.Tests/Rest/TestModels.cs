using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Tests.Rest;

/// <summary>Small request bodies for tests that are not about the body.</summary>
internal static class TestModels
{
    public static CreateMessageRequest Hello { get; } = new() { Content = "Hello from the Beyond Utopia bot", AllowedMentions = AllowedMentions.None };

    public static InteractionResponse Reply { get; } = InteractionResponse.ChannelMessage(new InteractionCallbackData
    {
        Content = "Beyond Utopia (2023) follows families escaping North Korea.",
        AllowedMentions = AllowedMentions.None,
    });
}
