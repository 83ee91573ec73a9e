namespace Bot.Testing;

/// <summary>
/// Waits for a state that no event announces (a count inside the bot) by checking it every few
/// milliseconds: the wait ends as soon as the state is reached; the timeout only bounds a failure.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="TimeoutException">The condition did not hold within the timeout; the message names <paramref name="what"/>.</exception>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Timed out waiting until " + what);

            await Task.Delay(5).ConfigureAwait(false);
        }
    }
}
