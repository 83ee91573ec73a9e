namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// How long a handler takes, as an exponentially weighted moving average of the durations measured as
/// handlers finish (each new one weighs <see cref="Weight"/>): it follows a machine that gets busier or a
/// knowledge folder that grows within a few dozen answers, and one odd answer moves it little. Until the
/// first measurement it is <see cref="InitialGuess"/>. Not thread-safe: its owner locks.
/// </summary>
internal sealed class ServiceTimeEstimate
{
    public const double Weight = 0.1;

    /// <summary>An answer with the sentence model on a small machine; replaced by the first measurement.</summary>
    public static readonly TimeSpan InitialGuess = TimeSpan.FromMilliseconds(20);

    private double _seconds = InitialGuess.TotalSeconds;
    private bool _measured;

    public TimeSpan Current => TimeSpan.FromSeconds(_seconds);

    public void Add(TimeSpan duration)
    {
        var seconds = Math.Max(0, duration.TotalSeconds);
        _seconds = _measured ? _seconds + (Weight * (seconds - _seconds)) : seconds;
        _measured = true;
    }

    /// <summary>
    /// When an item with <paramref name="ahead"/> items waiting before it would finish, from now, while
    /// <paramref name="running"/> of <paramref name="concurrency"/> slots are busy: it starts once enough of
    /// those in front have finished to free a slot (they finish <paramref name="concurrency"/> at a time),
    /// then takes one handler's time.
    /// </summary>
    public TimeSpan FinishIn(int ahead, int running, int concurrency)
    {
        var before = Math.Max(0, ahead + running + 1 - concurrency);
        return TimeSpan.FromSeconds(_seconds * ((before / (double)concurrency) + 1));
    }
}
