using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;

namespace Bot.Discord.Interactions;

/// <summary>
/// The gateway path's initial response: <c>POST /interactions/{id}/{token}/callback</c>, with
/// <c>?with_response=true</c> when the message it makes is wanted. Rate limits (429 after
/// <c>retry_after</c>) and 502/503/504 are retried inside <see cref="DiscordRestClient"/>.
/// </summary>
public sealed class RestInitialResponder : IInitialResponder
{
    private readonly DiscordRestClient _rest;

    public RestInitialResponder(DiscordRestClient rest) => _rest = rest;

    public bool ReturnsMessage => true;

    public async Task<InitialResponseResult> RespondAsync(Interaction interaction, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!returnMessage)
            return InitialResponseResult.From(await _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken).ConfigureAwait(false));

        var result = await _rest.CreateInteractionResponseWithCallbackAsync(interaction.Id, interaction.Token, response, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? InitialResponseResult.Sent(result.Value.Resource?.Message) : InitialResponseResult.Failed(result.Error);
    }
}
