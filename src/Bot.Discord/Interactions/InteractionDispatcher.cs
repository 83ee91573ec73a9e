using Bot.Discord.Diagnostics;
using Bot.Discord.Interactions.Admission;
using Bot.Discord.Interactions.Policy;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>
/// Owns the answering policy for every interaction, whichever transport brought it: run the handler;
/// if its reply is ready within <see cref="InteractionOptions.DeferAfter"/>, send it as the one initial
/// response, otherwise send the deferral the handler planned and complete it later by editing the
/// original. Every message it sends goes through <see cref="ReplyPolicy"/> (fitted to Discord's limits,
/// pinging nobody, as visible as planned before the handler ran). A failing
/// handler costs the user a short ephemeral apology and the log one error line;
/// <see cref="DispatchAsync"/> never throws but for cancellation. The reply (or the apology) goes out
/// through <see cref="ReplyDelivery"/>: the initial response through <see cref="InitialResponseSender"/>,
/// everything after it through <see cref="ResponseFollowUps"/>; a reply's after-send step gets the
/// message delivered (<see cref="AfterSendWork"/>), and is cancelled when the dispatcher is disposed.
/// Handlers run when <see cref="InteractionAdmission"/> gives them their turn (see InteractionDispatcher.Admission.cs).
/// </summary>
public sealed partial class InteractionDispatcher : IAsyncDisposable, IDisposable
{
    /// <summary>What the user sees when a handler fails.</summary>
    public const string ErrorMessage = "Something went wrong while answering. Please try again.";

    /// <summary>
    /// Interaction tokens live 15 minutes: a handler still running after 14 has no one left to answer
    /// to, and stopping it then leaves time to say so. Without a limit a hung handler holds a worker forever.
    /// </summary>
    internal static readonly TimeSpan HandlerTimeLimit = TimeSpan.FromMinutes(14);

    private readonly IInteractionHandler _handler;
    private readonly InteractionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionDispatcher> _logger;
    private readonly InitialResponseSender _initial;
    private readonly ReplyDelivery _delivery;
    private readonly AfterSendWork _afterSend;
    private readonly DiscordMetrics? _metrics;
    private readonly InteractionAdmission _admission;

    /// <remarks>
    /// A singleton holding a typed <see cref="DiscordRestClient"/> is safe: since .NET 9 the factory's
    /// primary handler recycles pooled connections (DNS changes are seen) even in a long-lived client.
    /// </remarks>
    /// <param name="metrics">Where each dispatch's outcome, latency, deferral and missed window are counted; nowhere when null.</param>
    /// <param name="admission">Whose turn it is to run a handler; one of its own, from the same options, when null.</param>
    public InteractionDispatcher(
        IInteractionHandler handler,
        DiscordRestClient rest,
        IOptions<DiscordOptions> options,
        TimeProvider timeProvider,
        ILogger<InteractionDispatcher> logger,
        DiscordMetrics? metrics = null,
        InteractionAdmission? admission = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        DiscordOptionsValidator.ThrowIfUnusable(options.Value);
        _options = options.Value.Interactions;

        _handler = handler;
        _time = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _admission = admission ?? new InteractionAdmission(options, timeProvider);
        _initial = new InitialResponseSender(timeProvider, logger);
        var followUps = new ResponseFollowUps(rest, _options.ApplicationId, timeProvider, logger);
        _afterSend = new AfterSendWork(followUps, timeProvider, logger);
        _delivery = new ReplyDelivery(_initial, followUps, _afterSend, timeProvider, logger);
    }

    /// <summary>After-send steps started and not finished yet.</summary>
    internal int AfterSendRunning => _afterSend.Running;

    /// <summary>Cancels the after-send steps still running and waits (briefly) for them to end.</summary>
    public ValueTask DisposeAsync() => _afterSend.DisposeAsync();

    /// <summary>Cancels the after-send steps still running, without waiting.</summary>
    public void Dispose() => _afterSend.Dispose();

    /// <summary>
    /// Answers one interaction. Returns when it is fully answered (or given up); throws only
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task DispatchAsync(IncomingInteraction incoming, IInitialResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(responder);
        var call = new DispatchCall(incoming, responder);
        try
        {
            await DispatchCoreAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.Outcome = InteractionOutcome.Abandoned;
            throw;
        }
        catch (Exception exception)
        {
            // A bug here (or in a responder) costs this one interaction, never the worker that runs it.
            call.Outcome = InteractionOutcome.Failed;
            DispatchLog.DispatchFailed(_logger, call.Id, call.Name, exception);
        }
        finally
        {
            _metrics?.Dispatched(call);
            // After the metrics: a reader of the log (or of /metrics) sees them once this line is out.
            DispatchLog.Done(_logger, call.Id, call.Name, call.Outcome);
        }
    }

    private async Task DispatchCoreAsync(DispatchCall call, CancellationToken cancellationToken)
    {
        if (call.Interaction.Type == InteractionType.Ping)
        {
            await _initial.SendAsync(call, InteractionResponse.Pong, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (PickedUpTooLate(call, out var age))
            return;

        if (!await PlannedAsync(call, cancellationToken).ConfigureAwait(false))
            return;

        using var timeLimit = new CancellationTokenSource(HandlerTimeLimit - age, _time);
        using var handlerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        if (Admit(call, handlerCancellation.Token) is not { } work)
        {
            await RefuseAsBusyAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            if (!await AcknowledgeInTimeAsync(call, work, cancellationToken).ConfigureAwait(false))
                return;

            var outcome = await HandlerRun.OutcomeAsync(work, handlerCancellation.Token, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                cancellationToken.ThrowIfCancellationRequested(); // shutdown cancelled it: not the handler's fault
                if (timeLimit.IsCancellationRequested)
                {
                    DispatchLog.HandlerTimedOut(_logger, call.Id, call.Name, HandlerTimeLimit);
                }
                else
                {
                    DispatchLog.HandlerFailed(_logger, call.Id, call.Name, error);
                }

                await _delivery.SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
                return;
            }

            await _delivery.DeliverAsync(call, outcome.Reply!, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ended the dispatch early, the handler has no one to answer to any more.
            await handlerCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Asks the handler how it will acknowledge, before it runs; a handler that cannot say gets the apology.</summary>
    private async Task<bool> PlannedAsync(DispatchCall call, CancellationToken cancellationToken)
    {
        try
        {
            call.Plan = _handler.PlanDeferral(call.Interaction);
            return true;
        }
        catch (Exception exception)
        {
            DispatchLog.HandlerFailed(_logger, call.Id, call.Name, exception);
            await _delivery.SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>
    /// Waits for the handler as long as the window allows, and defers as planned when it is not done
    /// by then. False when nothing the handler says can reach the user any more.
    /// </summary>
    private async Task<bool> AcknowledgeInTimeAsync(DispatchCall call, Task work, CancellationToken cancellationToken)
    {
        if (call.Plan == DeferralKind.None)
        {
            // No deferred form exists (autocomplete): the answer counts only if it makes the window.
            if (await FinishesWithinAsync(work, InteractionOptions.ResponseWindow - Elapsed(call), cancellationToken).ConfigureAwait(false))
                return true;

            DispatchLog.TooLateToAnswer(_logger, call.Id, call.Name, Elapsed(call));
            call.Outcome = InteractionOutcome.Missed;
            call.MissedWindow = MissedWindow.NotReady;
            return false;
        }

        if (await FinishesWithinAsync(work, DeferIn(call), cancellationToken).ConfigureAwait(false))
            return true;

        if (WindowPassed(call))
        {
            return false; // too late for any acknowledgement: the turn it waited for will not run
        }

        if (!(await _initial.SendAsync(call, ReplyPolicy.Deferral(call.Plan), cancellationToken).ConfigureAwait(false)).IsSuccess)
        {
            return false; // the token is dead or taken: nothing the handler says can reach the user
        }

        call.Deferred = true;
        DispatchLog.Deferred(_logger, call.Id, call.Name, call.Gate.Type, Elapsed(call));
        return true;
    }

    /// <summary>Whether <paramref name="work"/> completes within <paramref name="timeout"/> (measured with the injected clock).</summary>
    private async Task<bool> FinishesWithinAsync(Task work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!work.IsCompleted && timeout > TimeSpan.Zero)
            await work.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        cancellationToken.ThrowIfCancellationRequested();

        // A reply that finished as the timer fired still goes out as the reply: better than a deferral and an edit.
        return work.IsCompleted;
    }

    private TimeSpan Elapsed(DispatchCall call) => _time.GetElapsedTime(call.ArrivedAt);
}
