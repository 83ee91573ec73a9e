using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>
/// Owns the answering policy for every interaction, whichever transport brought it: run the handler;
/// if its reply is ready within <see cref="InteractionOptions.DeferAfter"/>, send it as the one initial
/// response, otherwise send the deferral the handler planned and complete it later by editing the
/// original. Every message it sends parses no mentions. A failing handler costs the user a short
/// ephemeral apology and the log one error line; <see cref="DispatchAsync"/> never throws but for
/// cancellation.
/// </summary>
public sealed partial class InteractionDispatcher
{
    /// <summary>What the user sees when a handler fails.</summary>
    public const string ErrorMessage = "Something went wrong while answering. Please try again.";

    internal const int MaxContentLength = 2000;
    internal const int MaxChoices = 25;

    /// <summary>
    /// Interaction tokens live 15 minutes: a handler still running after 14 has no one left to answer
    /// to, and stopping it then leaves time to say so. Without a limit a hung handler holds a worker forever.
    /// </summary>
    internal static readonly TimeSpan HandlerTimeLimit = TimeSpan.FromMinutes(14);

    /// <summary>Pause before the one extra try of a call that failed in a way worth repeating.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IInteractionHandler _handler;
    private readonly DiscordRestClient _rest;
    private readonly InteractionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionDispatcher> _logger;

    /// <remarks>
    /// A singleton holding a typed <see cref="DiscordRestClient"/> is safe: since .NET 9 the factory's
    /// primary handler recycles pooled connections (DNS changes are seen) even in a long-lived client.
    /// </remarks>
    public InteractionDispatcher(
        IInteractionHandler handler,
        DiscordRestClient rest,
        IOptions<DiscordOptions> options,
        TimeProvider timeProvider,
        ILogger<InteractionDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        DiscordOptionsValidator.ThrowIfUnusable(options.Value);
        _options = options.Value.Interactions;

        _handler = handler;
        _rest = rest;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Answers one interaction. Returns when it is fully answered (or given up); throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task DispatchAsync(IncomingInteraction incoming, IInitialResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(responder);
        var call = new Call(incoming, responder);
        try
        {
            await DispatchCoreAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug here (or in a responder) costs this one interaction, never the worker that runs it.
            Log.DispatchFailed(_logger, call.Id, call.Name, exception);
        }
    }

    private async Task DispatchCoreAsync(Call call, CancellationToken cancellationToken)
    {
        if (call.Interaction.Type == InteractionType.Ping)
        {
            await SendInitialAsync(call, InteractionResponse.Pong, cancellationToken).ConfigureAwait(false);
            return;
        }

        var age = Elapsed(call);
        if (age >= InteractionOptions.ResponseWindow)
        {
            // A queue backlog made it late: any initial response would only earn 10062, and the user
            // already saw "The application did not respond". Running the handler would be wasted work.
            Log.Stale(_logger, call.Id, call.Name, age);
            return;
        }

        try
        {
            call.Plan = _handler.PlanDeferral(call.Interaction);
        }
        catch (Exception exception)
        {
            Log.HandlerFailed(_logger, call.Id, call.Name, exception);
            await SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var timeLimit = new CancellationTokenSource(HandlerTimeLimit - age, _time);
        using var handlerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        var work = RunHandlerAsync(call.Interaction, handlerCancellation.Token);
        try
        {
            if (call.Plan == DeferralKind.None)
            {
                // No deferred form exists (autocomplete): the answer counts only if it makes the window.
                if (!await FinishesWithinAsync(work, InteractionOptions.ResponseWindow - Elapsed(call), cancellationToken).ConfigureAwait(false))
                {
                    Log.TooLateToAnswer(_logger, call.Id, call.Name, Elapsed(call));
                    return;
                }
            }
            else if (!await FinishesWithinAsync(work, _options.DeferAfter - Elapsed(call), cancellationToken).ConfigureAwait(false))
            {
                if (!await SendInitialAsync(call, Deferral(call.Plan), cancellationToken).ConfigureAwait(false))
                {
                    return; // the token is dead or taken: nothing the handler says can reach the user
                }

                Log.Deferred(_logger, call.Id, call.Name, call.Gate.Type, Elapsed(call));
            }

            HandlerOutcome outcome;
            try
            {
                // Waiting on the handler's own token too: a handler that ignores it must not hold a worker
                // past shutdown or past the time limit.
                outcome = await work.WaitAsync(handlerCancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = new HandlerOutcome(null, new TimeoutException("The handler ignored its cancellation at the time limit."));
            }

            if (outcome.Error is { } error)
            {
                cancellationToken.ThrowIfCancellationRequested(); // shutdown cancelled it: not the handler's fault
                if (timeLimit.IsCancellationRequested)
                {
                    Log.HandlerTimedOut(_logger, call.Id, call.Name, HandlerTimeLimit);
                }
                else
                {
                    Log.HandlerFailed(_logger, call.Id, call.Name, error);
                }

                await SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
                return;
            }

            await DeliverAsync(call, outcome.Reply!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ended the dispatch early, the handler has no one to answer to any more.
            await handlerCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the handler on the thread pool, so a handler that blocks before its first await cannot hold
    /// back the deferral, and turns a throw into a value so an abandoned handler's failure is never unobserved.
    /// </summary>
    private Task<HandlerOutcome> RunHandlerAsync(Interaction interaction, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                try
                {
                    var reply = await _handler.HandleAsync(interaction, cancellationToken).ConfigureAwait(false);
                    return reply is null
                        ? new HandlerOutcome(null, new InvalidOperationException("The interaction handler returned no reply."))
                        : new HandlerOutcome(reply, null);
                }
                catch (Exception exception)
                {
                    return new HandlerOutcome(null, exception);
                }
            },
            CancellationToken.None);

    /// <summary>Whether <paramref name="work"/> completes within <paramref name="timeout"/> (measured with the injected clock).</summary>
    private async Task<bool> FinishesWithinAsync(Task work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!work.IsCompleted && timeout > TimeSpan.Zero)
        {
            await work.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();

        // A reply that finished as the timer fired still goes out as the reply: better than a deferral and an edit.
        return work.IsCompleted;
    }

    private async Task DeliverAsync(Call call, InteractionReply reply, CancellationToken cancellationToken)
    {
        switch (call.Gate.State)
        {
            case InitialResponseState.NotSent:
                if (await SendInitialAsync(call, InitialResponse(call, reply), cancellationToken).ConfigureAwait(false))
                {
                    Log.Answered(_logger, call.Id, call.Name, call.Gate.Type, Elapsed(call));
                }

                break;

            case InitialResponseState.Sent when reply.Kind == InteractionReplyKind.Autocomplete:
                Log.ReplyCannotFollowDeferral(_logger, call.Id, call.Name, reply.Kind);
                await SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Plan == DeferralKind.Public && reply.Kind == InteractionReplyKind.Message
                                                && (reply.Data.Flags ?? MessageFlags.None).HasFlag(MessageFlags.Ephemeral):
                // The handler decided late that only the invoker should see this (e.g. "I don't know"),
                // but the public "thinking…" is already in the channel: remove it and answer privately.
                await ReplacePublicDeferralAsync(call, reply.Data, cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent:
                if (await EditOriginalAsync(call, ToEdit(reply.Data), cancellationToken).ConfigureAwait(false))
                {
                    Log.Answered(_logger, call.Id, call.Name, call.Gate.Type, Elapsed(call));
                }

                break;

            default:
                break; // the initial response failed, and that was logged
        }
    }

    /// <summary>Tells the user the answer failed, in whatever way is still open.</summary>
    private async Task SendErrorAsync(Call call, CancellationToken cancellationToken)
    {
        if (call.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            // Autocomplete accepts only choices: an empty list is the quiet way to fail.
            if (call.Gate.State == InitialResponseState.NotSent && Elapsed(call) < InteractionOptions.ResponseWindow)
            {
                await SendInitialAsync(call, InteractionResponse.AutocompleteResult([]), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        switch (call.Gate.State)
        {
            case InitialResponseState.NotSent:
                await SendInitialAsync(call, InteractionResponse.ChannelMessage(ErrorData), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Gate.Type == InteractionCallbackType.DeferredChannelMessageWithSource:
                // Replaces the "thinking…" placeholder; its visibility was fixed by the deferral.
                await EditOriginalAsync(call, ToEdit(ErrorData), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Gate.Type == InteractionCallbackType.DeferredUpdateMessage:
                // Editing the original here would overwrite the message the component is on: tell the user aside.
                await SendEphemeralFollowupAsync(call, ErrorMessage, cancellationToken).ConfigureAwait(false);
                break;

            default:
                break; // nothing was acknowledged and nothing can be any more, or the reply already went out
        }
    }

    private async Task<bool> SendInitialAsync(Call call, InteractionResponse response, CancellationToken cancellationToken)
    {
        if (!call.Gate.TryBegin(response.Type))
        {
            Log.SecondInitialResponse(_logger, call.Id, call.Name, response.Type, call.Gate.Type);
            return false;
        }

        var result = await RespondOnceAsync(call, response, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && WorthOneMoreTry(result.Error) && Elapsed(call) + RetryDelay < InteractionOptions.ResponseWindow)
        {
            Log.Retrying(_logger, "initial response", call.Id, call.Name, result.Error.Kind, result.Error.HttpStatus);
            await Task.Delay(RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            var again = await RespondOnceAsync(call, response, cancellationToken).ConfigureAwait(false);

            // The first try may have reached Discord and only its answer got lost: then this one is
            // refused as already acknowledged, and the first one stands (nobody else answers this interaction).
            result = again.Error?.Kind == DiscordRestErrorKind.AlreadyAcknowledged ? RestResult.Success : again;
        }

        call.Gate.Complete(result.IsSuccess);
        if (!result.IsSuccess)
        {
            var error = result.Error;
            Log.InitialResponseFailed(_logger, response.Type, call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);
        }

        return result.IsSuccess;
    }

    private async Task<RestResult> RespondOnceAsync(Call call, InteractionResponse response, CancellationToken cancellationToken)
    {
        try
        {
            return await call.Responder.RespondAsync(call.Interaction, response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Responders report failures as results; one that throws is a bug, kept to this interaction.
            Log.ResponderThrew(_logger, call.Id, call.Name, exception);
            return RestResult.Failure(new DiscordRestError(DiscordRestErrorKind.Other, "The initial responder threw " + exception.GetType().Name + "."));
        }
    }

    private async Task<bool> EditOriginalAsync(Call call, EditWebhookMessageRequest edit, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
        {
            return false;
        }

        var result = await _rest.EditOriginalResponseAsync(applicationId, call.Interaction.Token, edit, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && WorthOneMoreTry(result.Error))
        {
            // An edit carries the whole new state, so sending it twice is harmless.
            Log.Retrying(_logger, "edit of the original response", call.Id, call.Name, result.Error.Kind, result.Error.HttpStatus);
            await Task.Delay(RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            result = await _rest.EditOriginalResponseAsync(applicationId, call.Interaction.Token, edit, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsSuccess)
        {
            var error = result.Error;
            Log.FollowUpFailed(_logger, "editing the original response", call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);
        }

        return result.IsSuccess;
    }

    private async Task ReplacePublicDeferralAsync(Call call, InteractionCallbackData data, CancellationToken cancellationToken)
    {
        if (ApplicationIdOf(call) is not { } applicationId)
        {
            return;
        }

        var deleted = await _rest.DeleteOriginalResponseAsync(applicationId, call.Interaction.Token, cancellationToken).ConfigureAwait(false);
        if (!deleted.IsSuccess)
        {
            var error = deleted.Error;
            Log.FollowUpFailed(_logger, "deleting the public placeholder", call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);
        }

        var message = new CreateFollowupMessageRequest
        {
            Content = Cut(data.Content),
            Embeds = data.Embeds,
            Components = data.Components,
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = AllowedMentions.None,
        };
        var sent = await _rest.CreateFollowupMessageAsync(applicationId, call.Interaction.Token, message, cancellationToken).ConfigureAwait(false);
        if (sent.IsSuccess)
        {
            Log.Answered(_logger, call.Id, call.Name, call.Gate.Type, Elapsed(call));
        }
        else
        {
            var error = sent.Error;
            Log.FollowUpFailed(_logger, "sending a follow-up", call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);
        }
    }

    private async Task SendEphemeralFollowupAsync(Call call, string content, CancellationToken cancellationToken)
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
        var result = await _rest.CreateFollowupMessageAsync(applicationId, call.Interaction.Token, message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            var error = result.Error;
            Log.FollowUpFailed(_logger, "sending a follow-up", call.Id, call.Name, error.Kind, error.HttpStatus, error.Code, error.Message);
        }
    }

    private ulong? ApplicationIdOf(Call call)
    {
        var applicationId = call.Interaction.ApplicationId ?? _options.ApplicationId;
        if (applicationId is null)
        {
            Log.NoApplicationId(_logger, call.Id, call.Name);
        }

        return applicationId;
    }

    /// <summary>
    /// The REST client already retried 429s, 502/503/504 and requests that never left. A 500, or a
    /// callback whose answer was lost, is worth one more try: a duplicate initial response is refused
    /// (40060) rather than shown twice, and an edit is idempotent.
    /// </summary>
    private static bool WorthOneMoreTry(DiscordRestError error) =>
        error.Kind == DiscordRestErrorKind.Unreachable
        || (error.Kind == DiscordRestErrorKind.ServerError && error.HttpStatus is not (502 or 503 or 504));

    private TimeSpan Elapsed(Call call) => _time.GetElapsedTime(call.ArrivedAt);

    private static InteractionResponse Deferral(DeferralKind plan) => plan switch
    {
        DeferralKind.Ephemeral => InteractionResponse.DeferredChannelMessage(ephemeral: true),
        DeferralKind.UpdateMessage => InteractionResponse.DeferredUpdateMessage,
        _ => InteractionResponse.DeferredChannelMessage(ephemeral: false),
    };

    private static InteractionResponse InitialResponse(Call call, InteractionReply reply) => reply.Kind switch
    {
        // An ephemeral plan makes a fast reply ephemeral too, so the command looks the same however long it took.
        InteractionReplyKind.Message => InteractionResponse.ChannelMessage(Outgoing(reply.Data, ephemeral: call.Plan == DeferralKind.Ephemeral)),
        InteractionReplyKind.UpdateMessage => InteractionResponse.UpdateMessage(Outgoing(reply.Data, ephemeral: false)),
        _ => InteractionResponse.AutocompleteResult(reply.Data.Choices is { Count: > MaxChoices } choices ? choices.Take(MaxChoices).ToArray() : reply.Data.Choices ?? []),
    };

    private static InteractionCallbackData ErrorData { get; } = new()
    {
        Content = ErrorMessage,
        Flags = MessageFlags.Ephemeral,
        AllowedMentions = AllowedMentions.None,
    };

    /// <summary>A handler's message as it may go out: nothing pings, whatever the handler set, and content within Discord's limit.</summary>
    private static InteractionCallbackData Outgoing(InteractionCallbackData data, bool ephemeral) => data with
    {
        Content = Cut(data.Content),
        AllowedMentions = AllowedMentions.None,
        Flags = ephemeral ? (data.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral : data.Flags,
    };

    private static EditWebhookMessageRequest ToEdit(InteractionCallbackData data)
    {
        // An edit can set only these flags; ephemerality was fixed by the deferral.
        var flags = data.Flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2);
        return new EditWebhookMessageRequest
        {
            Content = Cut(data.Content),
            Embeds = data.Embeds,
            Components = data.Components,
            Attachments = data.Attachments,
            Flags = flags is null or MessageFlags.None ? null : flags,
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>Discord refuses content over 2000 characters (400): cut it, with an ellipsis, rather than lose the whole reply.</summary>
    internal static string? Cut(string? content)
    {
        if (content is null || content.Length <= MaxContentLength)
        {
            return content;
        }

        var keep = MaxContentLength - 1;
        if (char.IsHighSurrogate(content[keep - 1]))
        {
            keep--; // never split a surrogate pair
        }

        return string.Concat(content.AsSpan(0, keep), "…");
    }

    private static string NameOf(Interaction interaction) =>
        interaction.Data?.Name ?? interaction.Data?.CustomId ?? interaction.Type.ToString();

    private readonly record struct HandlerOutcome(InteractionReply? Reply, Exception? Error);

    /// <summary>One interaction being answered.</summary>
    private sealed class Call(IncomingInteraction incoming, IInitialResponder responder)
    {
        public Interaction Interaction { get; } = incoming.Interaction;

        public IInitialResponder Responder { get; } = responder;

        public long ArrivedAt { get; } = incoming.ArrivedAt;

        public InitialResponseGate Gate { get; } = new();

        public DeferralKind Plan { get; set; }

        public ulong Id => Interaction.Id;

        public string Name { get; } = NameOf(incoming.Interaction);
    }
}
