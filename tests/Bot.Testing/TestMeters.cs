using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Bot.Testing;

/// <summary>
/// A meter factory of a test's own: what the code under test records on it is seen only by this test's
/// collectors, not by another test running at the same time on the same meter name.
/// </summary>
public sealed class TestMeters : IMeterFactory
{
    /// <summary>The bot's meter name.</summary>
    public const string BotMeter = "Bot";

    private readonly List<Meter> _meters = [];
    private readonly Lock _gate = new();

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_gate)
            _meters.Add(meter);
        return meter;
    }

    /// <summary>Collects what <paramref name="instrument"/> of the bot's meter records from now on.</summary>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(this, BotMeter, instrument);

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var meter in _meters)
                meter.Dispose();
            _meters.Clear();
        }
    }
}
