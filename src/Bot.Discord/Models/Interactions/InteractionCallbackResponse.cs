namespace Bot.Discord.Models.Interactions;

/// <summary>200 body of <c>POST …/callback?with_response=true</c>.</summary>
public sealed record InteractionCallbackResponse
{
    public required InteractionCallback Interaction { get; init; }

    /// <summary>What the response created; <c>message</c> only for types 4 and 7.</summary>
    public InteractionCallbackResource? Resource { get; init; }
}
