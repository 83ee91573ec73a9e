namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// What a handler holds while it runs, taken without blocking a thread. <see cref="InteractionAdmission"/>
/// runs every admitted handler inside <see cref="RunAsync"/>. By default nothing more is taken; the bot
/// makes it a slot of the sentence model, so the answer engine never waits for the model on a thread.
/// </summary>
public interface IHandlerSlots
{
    /// <summary>Waits (asynchronously) for what <paramref name="handler"/> needs, runs it holding that, and returns its result.</summary>
    Task<T> RunAsync<T>(Func<Task<T>> handler, CancellationToken cancellationToken);
}
