namespace Bot.Discord.Gateway;

/// <summary>
/// Delays between reconnect attempts: the nominal delay starts at <c>initial</c> and doubles per failed
/// attempt up to <c>max</c>; each delay is drawn from [nominal / 2, nominal) so that many bots dropped
/// together do not come back together. It never runs out; <see cref="Reset"/> after READY or RESUMED.
/// </summary>
/// <remarks>
/// With this jitter the delays never shrink until the cap: attempt n's upper bound is attempt n+1's lower bound.
/// </remarks>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private int _failures;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
    {
        if (initial <= TimeSpan.Zero || max < initial)
            throw new ArgumentOutOfRangeException(nameof(initial), "The first delay must be positive and not above the cap.");

        _initial = initial;
        _max = max;
        _random = random;
    }

    public TimeSpan Next()
    {
        var nominal = Nominal(_failures);
        if (nominal < _max)
            _failures++;

        return nominal * (0.5 + (_random.NextDouble() / 2));
    }

    public void Reset() => _failures = 0;

    /// <summary>The delay before jitter after <paramref name="failures"/> failures.</summary>
    public TimeSpan Nominal(int failures)
    {
        var delay = _initial;
        for (var i = 0; i < failures && delay < _max; i++)
        {
            delay *= 2;
        }

        return delay < _max ? delay : _max;
    }
}
