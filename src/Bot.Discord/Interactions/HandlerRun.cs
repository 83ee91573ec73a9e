using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>Running a handler for the dispatcher: off the caller's thread, its failure a value, its wait bounded by its own token.</summary>
internal static class HandlerRun
{
    /// <summary>
    /// The handler's outcome, waiting on its own token too: a handler that ignores it must not hold a
    /// worker past shutdown or past the time limit.
    /// </summary>
    public static async Task<HandlerOutcome> OutcomeAsync(Task<HandlerOutcome> work, CancellationToken handlerToken, CancellationToken cancellationToken)
    {
        try
        {
            return await work.WaitAsync(handlerToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HandlerOutcome(null, new TimeoutException("The handler ignored its cancellation at the time limit."));
        }
    }

    /// <summary>
    /// Runs the handler on the thread pool, so a handler that blocks before its first await cannot hold
    /// back the deferral, and turns a throw into a value so an abandoned handler's failure is never unobserved.
    /// </summary>
    public static Task<HandlerOutcome> Start(IInteractionHandler handler, Interaction interaction, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                try
                {
                    var reply = await handler.HandleAsync(interaction, cancellationToken).ConfigureAwait(false);
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
}

/// <summary>What a handler came to: its reply, or why there is none.</summary>
internal readonly record struct HandlerOutcome(InteractionReply? Reply, Exception? Error);
