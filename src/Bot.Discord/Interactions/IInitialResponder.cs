using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;

namespace Bot.Discord.Interactions;

/// <summary>
/// Sends the one initial response to an interaction. The transport decides how: the gateway path
/// POSTs <c>/interactions/{id}/{token}/callback</c>; the HTTP endpoint returns it as the body of
/// Discord's request. Everything after the initial response (editing the original, follow-ups)
/// goes through the REST client whichever transport brought the interaction.
/// </summary>
public interface IInitialResponder
{
    Task<RestResult> RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken);
}
