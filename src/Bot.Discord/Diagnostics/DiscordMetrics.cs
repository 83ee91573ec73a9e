using System.Diagnostics.Metrics;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Bot.Discord.Rest;

namespace Bot.Discord.Diagnostics;

/// <summary>
/// The Discord layer's instruments, on the meter named <see cref="MeterName"/>: interactions and how they
/// ended, answer latency, deferrals and missed 3-second windows, the interaction queue's depth, gateway
/// reconnects and sessions, and REST requests. Every label has a bounded set of values: command names,
/// route templates and status codes, never ids or tokens.
/// </summary>
public sealed class DiscordMetrics
{
    /// <summary>The one meter every part of the bot records on; exporters listen to it by this name.</summary>
    public const string MeterName = "Bot";

    /// <summary>Seconds: fine below Discord's 3-second window, coarse up to the 15 minutes of a deferred answer.</summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60];

    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _deferrals;
    private readonly Counter<long> _missedWindows;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _sessions;
    private readonly Counter<long> _restRequests;

    /// <param name="meters">The host's meter factory; without one (a test that builds parts by hand) a meter of its own.</param>
    /// <param name="queue">The gateway's interaction queue, whose depth is observed; none when null.</param>
    /// <param name="admission">Admission, whose waiting and running handlers are observed; none when null.</param>
    public DiscordMetrics(IMeterFactory? meters, InteractionQueue? queue = null, InteractionAdmission? admission = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _interactions = meter.CreateCounter<long>("bot.interactions", "{interaction}", "Interactions handled, by command, type and outcome.");
        _answerDuration = meter.CreateHistogram(
            "bot.answer.duration",
            "s",
            "From an interaction's arrival to its answer reaching Discord (initial response or edit of a deferral).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _deferrals = meter.CreateCounter<long>("bot.interactions.deferred", "{interaction}", "Interactions acknowledged with a deferral because the answer was not ready in time, or was not expected in time on arrival.");
        _missedWindows = meter.CreateCounter<long>("bot.interactions.missed_window", "{interaction}", "Interactions whose 3-second window passed before any initial response.");
        _reconnects = meter.CreateCounter<long>("bot.gateway.reconnects", "{connection}", "Gateway connections that ended and are being replaced, by why they ended and what comes next.");
        _sessions = meter.CreateCounter<long>("bot.gateway.sessions", "{session}", "Gateway sessions started (READY) or resumed (RESUMED).");
        _restRequests = meter.CreateCounter<long>("bot.rest.requests", "{request}", "REST requests sent to Discord, by route template, method and status (none: no answer came).");
        if (queue is not null || admission is not null)
        {
            meter.CreateObservableGauge(
                "bot.interactions.queued",
                () => (queue?.Count ?? 0) + (admission?.Waiting ?? 0),
                "{interaction}",
                "Interactions received and waiting for a handler (in the gateway's queue, or admitted and waiting their turn).");
        }

        if (admission is not null)
            meter.CreateObservableGauge("bot.interactions.running", () => admission.Running, "{interaction}", "Handlers running now (at most Discord:Interactions:Workers).");
    }

    /// <summary>Records how one dispatched interaction ended; PINGs are not counted.</summary>
    internal void Dispatched(DispatchCall call)
    {
        if (call.Interaction.Type == Models.Interactions.InteractionType.Ping)
            return;

        // The details first and the count last, so that a scrape that sees the interaction counted sees its details too.
        var command = new KeyValuePair<string, object?>("command", call.Command);
        var outcome = call.Outcome ?? (call.MissedWindow is null ? InteractionOutcome.Undelivered : InteractionOutcome.Missed);
        if (outcome == InteractionOutcome.Answered && call.AnsweredAfter is { } elapsed)
            _answerDuration.Record(elapsed.TotalSeconds, command, new("deferred", call.Deferred));

        if (call.Deferred)
            _deferrals.Add(1, command, new("on_arrival", call.Admission == AdmissionDecision.DeferAtOnce));

        if (call.MissedWindow is { } missed)
            _missedWindows.Add(1, command, new("reason", InteractionLabels.Of(missed)));

        _interactions.Add(1, command, new("type", InteractionLabels.Type(call.Interaction.Type)), new("outcome", InteractionLabels.Of(outcome)));
    }

    internal void SessionStarted(bool resumed) => _sessions.Add(1, new KeyValuePair<string, object?>("kind", resumed ? "resumed" : "identified"));

    internal void Reconnecting(ConnectionEndReason reason, bool resume) =>
        _reconnects.Add(1, new("reason", InteractionLabels.SnakeCase(reason.ToString())), new("next", resume ? "resume" : "identify"));

    /// <param name="status">The HTTP status, or null when no answer came.</param>
    internal void RestRequest(DiscordRoute route, int? status) =>
        _restRequests.Add(
            1,
            new("route", route.Template),
            new("method", route.Method.Method),
            new("status", status is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none"));
}
