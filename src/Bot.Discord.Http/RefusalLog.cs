namespace Bot.Discord.Http;

/// <summary>
/// Counts refused requests so that they are reported at most once per interval: anyone can send
/// unsigned junk to a public endpoint, and one log line per refusal would let them fill the disk.
/// The first refusal is reported at once; later ones are counted and reported, with their
/// number, by the first refusal after the interval has passed.
/// </summary>
internal sealed class RefusalLog(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private long _counted;
    private DateTimeOffset? _reported;

    /// <summary>Counts one refusal; returns how many to report now (this one included), or 0 to stay quiet.</summary>
    public long Count()
    {
        lock (_gate)
        {
            _counted++;
            var now = time.GetUtcNow();
            if (_reported is { } last && now - last < interval)
                return 0;
            var report = _counted;
            _counted = 0;
            _reported = now;
            return report;
        }
    }
}
