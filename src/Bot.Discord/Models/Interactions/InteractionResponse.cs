using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Models.Interactions;

/// <summary>
/// The initial response to an interaction: the body of <c>POST /interactions/{id}/{token}/callback</c>,
/// or of the HTTP endpoint's 200 reply.
/// </summary>
public sealed record InteractionResponse
{
    public InteractionCallbackType Type { get; init; }

    public InteractionCallbackData? Data { get; init; }

    public static InteractionResponse Pong { get; } = new() { Type = InteractionCallbackType.Pong };

    public static InteractionResponse ChannelMessage(InteractionCallbackData data) =>
        new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = data };

    /// <summary>Defer a reply; whether the final message is ephemeral is decided here and cannot change.</summary>
    public static InteractionResponse DeferredChannelMessage(bool ephemeral) =>
        new()
        {
            Type = InteractionCallbackType.DeferredChannelMessageWithSource,
            Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
        };

    public static InteractionResponse DeferredUpdateMessage { get; } =
        new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    public static InteractionResponse UpdateMessage(InteractionCallbackData data) =>
        new() { Type = InteractionCallbackType.UpdateMessage, Data = data };

    public static InteractionResponse AutocompleteResult(IReadOnlyList<ApplicationCommandOptionChoice> choices) =>
        new()
        {
            Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
            Data = new InteractionCallbackData { Choices = choices },
        };

    public static InteractionResponse Modal(string customId, string title, IReadOnlyList<Component> components) =>
        new()
        {
            Type = InteractionCallbackType.Modal,
            Data = new InteractionCallbackData { CustomId = customId, Title = title, Components = components },
        };
}
