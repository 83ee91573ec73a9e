namespace Bot.Discord.Models.Interactions;

/// <summary>The <c>type</c> of an interaction response.</summary>
public enum InteractionCallbackType
{
    /// <summary>Answer to PING.</summary>
    Pong = 1,

    /// <summary>Reply with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>"Thinking…"; finish with PATCH @original.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>Components: acknowledge now, edit the message later; no loading state.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>Components: edit the message the component is on.</summary>
    UpdateMessage = 7,

    /// <summary>Autocomplete: up to 25 choices.</summary>
    ApplicationCommandAutocompleteResult = 8,

    /// <summary>Open a modal; not for MODAL_SUBMIT or PING.</summary>
    Modal = 9,

    /// <summary>Deprecated.</summary>
    PremiumRequired = 10,
    LaunchActivity = 12,
}
