using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Everything after the initial response, through the interaction's webhook: editing the original
/// (a deferred answer), replacing a public placeholder with a private answer, a private follow-up.
/// Each failure is logged once with the interaction; the user already has the acknowledgement.
/// </summary>
internal sealed class ResponseFollowUps(DiscordRestClient rest, ulong? configuredApplicationId, TimeProvider time, ILogger logger)
{
    public async Task<bool> EditOriginalAsync(DispatchCall call, EditWebhookMessageRequest edit, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
        {
            return false;
        }

        var result = await rest.EditOriginalResponseAsync(applicationId, call.Interaction.Token, edit, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && DispatchRetry.WorthOneMoreTry(result.Error))
        {
            // An edit carries the whole new state, so sending it twice is harmless.
            DispatchLog.Retrying(logger, "edit of the original response", call.Id, call.Name, result.Error.Kind, result.Error.HttpStatus);
            await Task.Delay(DispatchRetry.Delay, time, cancellationToken).ConfigureAwait(false);
            result = await rest.EditOriginalResponseAsync(applicationId, call.Interaction.Token, edit, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
        {
            Failed(call, "editing the original response", result.Error);
        }

        return result.IsSuccess;
    }

    /// <summary>The handler decided late that only the invoker should see this, but a public "thinking…" is in the channel: remove it, answer privately.</summary>
    public async Task<bool> ReplacePublicDeferralAsync(DispatchCall call, InteractionCallbackData data, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
        {
            return false;
        }

        var deleted = await rest.DeleteOriginalResponseAsync(applicationId, call.Interaction.Token, cancellationToken).ConfigureAwait(false);
        if (!deleted.IsSuccess)
        {
            Failed(call, "deleting the public placeholder", deleted.Error);
        }

        var sent = await rest.CreateFollowupMessageAsync(applicationId, call.Interaction.Token, OutgoingMessages.EphemeralFollowUp(data), cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            Failed(call, "sending a follow-up", sent.Error);
        }

        return sent.IsSuccess;
    }

    public async Task SendEphemeralAsync(DispatchCall call, string content, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
        {
            return;
        }

        var message = new CreateFollowupMessageRequest
        {
            Content = content,
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        };
        var result = await rest.CreateFollowupMessageAsync(applicationId, call.Interaction.Token, message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Failed(call, "sending a follow-up", result.Error);
        }
    }

    private void Failed(DispatchCall call, string action, DiscordRestError error) =>
        DispatchLog.FollowUpFailed(logger, action, call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);

    private ulong? ApplicationIdOf(DispatchCall call)
    {
        var applicationId = call.Interaction.ApplicationId ?? configuredApplicationId;
        if (applicationId is null)
        {
            DispatchLog.NoApplicationId(logger, call.Id, call.Name);
        }

        return applicationId;
    }
}
