using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;

namespace Bot.Discord.Interactions;

/// <summary>
/// The gateway path's initial response: <c>POST /interactions/{id}/{token}/callback</c>. Rate limits (429
/// after <c>retry_after</c>) and 502/503/504 are retried inside <see cref="DiscordRestClient"/>.
/// </summary>
public sealed class RestInitialResponder : IInitialResponder
{
    private readonly DiscordRestClient _rest;

    public RestInitialResponder(DiscordRestClient rest) => _rest = rest;

    public Task<RestResult> RespondAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return _rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
    }
}
