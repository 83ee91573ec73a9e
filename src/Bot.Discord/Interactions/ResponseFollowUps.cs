using Bot.Discord.Interactions.Policy;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Everything after the initial response, through the interaction's webhook: editing the original
/// (a deferred answer), replacing a public placeholder with a private answer, a private follow-up.
/// Each returns the message Discord made (the webhook routes answer with it), or null when it
/// failed: each failure is logged once with the interaction; the user already has the acknowledgement.
/// </summary>
internal sealed class ResponseFollowUps(DiscordRestClient rest, ulong? configuredApplicationId, TimeProvider time, ILogger logger)
{
    public async Task<Message?> EditOriginalAsync(DispatchCall call, EditWebhookMessageRequest edit, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
            return null;

        var result = await rest.EditOriginalResponseAsync(applicationId, call.Interaction.Token, edit, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && DispatchRetry.WorthOneMoreTry(result.Error))
        {
            // An edit carries the whole new state, so sending it twice is harmless.
            DispatchLog.Retrying(logger, "edit of the original response", call.Id, call.Name, result.Error.Kind, result.Error.HttpStatus);
            await Task.Delay(DispatchRetry.Delay, time, cancellationToken).ConfigureAwait(false);
            result = await rest.EditOriginalResponseAsync(applicationId, call.Interaction.Token, edit, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
            Failed(call, "editing the original response", result.Error);

        return result.Value;
    }

    /// <summary>The handler decided late that only the invoker should see this, but a public "thinking…" is in the channel: remove it, answer privately.</summary>
    public async Task<Message?> ReplacePublicDeferralAsync(DispatchCall call, InteractionCallbackData data, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
            return null;

        var deleted = await rest.DeleteOriginalResponseAsync(applicationId, call.Interaction.Token, cancellationToken).ConfigureAwait(false);
        if (!deleted.IsSuccess)
            Failed(call, "deleting the public placeholder", deleted.Error);

        return await SendEphemeralAsync(call, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A message for the invoker alone, fitted and pinging nobody like every other.</summary>
    public async Task<Message?> SendEphemeralAsync(DispatchCall call, InteractionCallbackData data, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
            return null;

        var result = await rest.CreateFollowupMessageAsync(applicationId, call.Interaction.Token, ReplyPolicy.EphemeralFollowUp(data), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
            Failed(call, "sending a follow-up", result.Error);

        return result.Value;
    }

    private void Failed(DispatchCall call, string action, DiscordRestError error) =>
        DispatchLog.FollowUpFailed(logger, action, call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);

    private ulong? ApplicationIdOf(DispatchCall call)
    {
        var applicationId = call.Interaction.ApplicationId ?? configuredApplicationId;
        if (applicationId is null)
            DispatchLog.NoApplicationId(logger, call.Id, call.Name);

        return applicationId;
    }
}
