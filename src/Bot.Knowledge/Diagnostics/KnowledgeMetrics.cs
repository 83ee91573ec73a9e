using System.Diagnostics.Metrics;

namespace Bot.Knowledge.Diagnostics;

/// <summary>
/// The knowledge's instruments, on the bot's meter (<see cref="MeterName"/>): passages in the index, reloads
/// of the knowledge folder while running, and members' questions answered or abstained from.
/// </summary>
public sealed class KnowledgeMetrics
{
    /// <summary>The one meter every part of the bot records on.</summary>
    public const string MeterName = "Bot";

    private readonly Counter<long> _reloads;
    private readonly Counter<long> _questions;

    /// <param name="meters">The host's meter factory; without one (a test that builds parts by hand) a meter of its own.</param>
    /// <param name="store">The index whose passages are observed; none when null.</param>
    public KnowledgeMetrics(IMeterFactory? meters, KnowledgeStore? store = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _reloads = meter.CreateCounter<long>("bot.knowledge.reloads", "{reload}", "Reloads of the knowledge folder while running: applied (something changed) or failed (the previous index kept answering).");
        _questions = meter.CreateCounter<long>("bot.questions", "{question}", "Members' questions (/ask) the knowledge answered, or abstained from because it does not answer them.");
        if (store is not null)
            meter.CreateObservableGauge("bot.knowledge.passages", () => store.IsReady ? store.Index.PassageCount : 0, "{passage}", "Passages in the index answers are found in.");
    }

    public void Reloaded(bool applied) => _reloads.Add(1, new KeyValuePair<string, object?>("outcome", applied ? "applied" : "failed"));

    public void Asked(bool answered) => _questions.Add(1, new KeyValuePair<string, object?>("outcome", answered ? "answered" : "abstained"));
}
