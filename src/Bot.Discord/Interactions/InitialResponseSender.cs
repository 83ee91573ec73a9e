using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Sends an interaction's one initial response through its transport's responder: past the gate
/// that allows exactly one, with one more try when the first failed in a way worth repeating and
/// the 3-second window still has room.
/// </summary>
internal sealed class InitialResponseSender(TimeProvider time, ILogger logger)
{
    /// <param name="returnMessage">Ask the transport for the message the response makes (see <see cref="IInitialResponder.ReturnsMessage"/>).</param>
    public async Task<InitialResponseResult> SendAsync(DispatchCall call, InteractionResponse response, CancellationToken cancellationToken, bool returnMessage = false)
    {
        if (!call.Gate.TryBegin(response.Type))
        {
            DispatchLog.SecondInitialResponse(logger, call.Id, call.Name, response.Type, call.Gate.Type);
            return InitialResponseResult.Failed(new DiscordRestError(DiscordRestErrorKind.AlreadyAcknowledged, "The initial response was already begun."));
        }

        var result = await RespondOnceAsync(call, response, returnMessage, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && DispatchRetry.WorthOneMoreTry(result.Error)
            && time.GetElapsedTime(call.ArrivedAt) + DispatchRetry.Delay < InteractionOptions.ResponseWindow)
        {
            DispatchLog.Retrying(logger, "initial response", call.Id, call.Name, result.Error.Kind, result.Error.HttpStatus);
            await Task.Delay(DispatchRetry.Delay, time, cancellationToken).ConfigureAwait(false);
            var again = await RespondOnceAsync(call, response, returnMessage, cancellationToken).ConfigureAwait(false);

            // The first try may have reached Discord and only its answer got lost: then this one is
            // refused as already acknowledged, and the first one stands (nobody else answers this
            // interaction), though what it made is unknown.
            result = again.Error?.Kind == DiscordRestErrorKind.AlreadyAcknowledged ? InitialResponseResult.Sent() : again;
        }

        call.Gate.Complete(result.IsSuccess);
        if (!result.IsSuccess)
        {
            var error = result.Error;
            if (error.Kind == DiscordRestErrorKind.UnknownInteraction)
                call.MissedWindow ??= MissedWindow.Expired;

            DispatchLog.InitialResponseFailed(logger, response.Type, call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);
        }

        return result;
    }

    private async Task<InitialResponseResult> RespondOnceAsync(DispatchCall call, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken)
    {
        try
        {
            return await call.Responder.RespondAsync(call.Interaction, response, returnMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Responders report failures as results; one that throws is a bug, kept to this interaction.
            DispatchLog.ResponderThrew(logger, call.Id, call.Name, exception);
            return InitialResponseResult.Failed(new DiscordRestError(DiscordRestErrorKind.Other, "The initial responder threw " + exception.GetType().Name + "."));
        }
    }
}
