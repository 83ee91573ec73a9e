using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// Sends the one initial response to an interaction. The transport decides how: the gateway path
/// POSTs <c>/interactions/{id}/{token}/callback</c>; the HTTP endpoint returns it as the body of
/// Discord's request. Everything after the initial response (editing the original, follow-ups)
/// goes through the REST client whichever transport brought the interaction.
/// </summary>
public interface IInitialResponder
{
    /// <summary>
    /// Whether <see cref="RespondAsync"/> can return the message a response created (the callback's
    /// <c>?with_response=true</c>). The HTTP endpoint cannot: its response is the body of Discord's
    /// request, and Discord answers that with nothing.
    /// </summary>
    bool ReturnsMessage { get; }

    /// <param name="returnMessage">Ask for the message the response creates or updates (types 4 and 7); only heeded when <see cref="ReturnsMessage"/>.</param>
    Task<InitialResponseResult> RespondAsync(Interaction interaction, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken);
}
