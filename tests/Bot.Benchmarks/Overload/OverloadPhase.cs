using System.Diagnostics;

namespace Bot.Benchmarks.Overload;

/// <summary>
/// Offers /ask at a fixed rate for a while, open loop (each sent on schedule, whatever became of the earlier
/// ones, as members do), then waits for every acknowledgement and every deferred answer, and traces each
/// interaction to its end (<see cref="PhaseResult"/>).
/// </summary>
internal static class OverloadPhase
{
    public static async Task<PhaseResult> RunAsync(OverloadTarget target, AskPayloads payloads, int rate, double seconds, TimeSpan drainLimit)
    {
        var skip = target.Discord.Requests.Count;
        using var memory = new ResidentMemorySampler(target.Bot.Id);
        var result = new PhaseResult { Rate = rate, Seconds = seconds };
        var cpu = CpuReading.Take(target.Bot.Id);
        var (sent, started, lag) = await SendAsync(target, payloads, rate, seconds);
        result.Cores = cpu.CoresSince(target.Bot.Id);
        result.SendLag = lag;
        var lastSent = DateTimeOffset.UtcNow;
        await WaitUntilAsync(() => target.AllAcknowledged(sent, DiscordRecord.Read(target.Discord, skip), lastSent), TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => DeferredPending(target, sent, DiscordRecord.Read(target.Discord, skip)) == 0, drainLimit);
        var record = DiscordRecord.Read(target.Discord, skip);
        foreach (var ask in sent)
        {
            Trace(result, target.AcknowledgementOf(ask, record), ask, record, started);
        }

        result.Sent = sent.Count;
        result.OtherRequests = string.Join(", ", record.Refused.Select(pair => $"{pair.Value} × {pair.Key}"));
        result.AckMilliseconds.Sort();
        result.AnswerMilliseconds.Sort();
        result.PeakResidentMb = memory.PeakMb;
        return result;
    }

    private static async Task<(List<SentAsk> Sent, DateTimeOffset Started, TimeSpan Lag)> SendAsync(OverloadTarget target, AskPayloads payloads, int rate, double seconds)
    {
        var count = (int)(rate * seconds);
        var sent = new List<SentAsk>(count);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var lag = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            lag = await OpenLoop.WaitTurnAsync(clock, i, rate, lag);
            sent.Add(await target.SendAsync(payloads.Next()));
        }

        return (sent, started, lag);
    }

    private static int DeferredPending(OverloadTarget target, List<SentAsk> sent, DiscordRecord record) =>
        sent.Count(ask => target.AcknowledgementOf(ask, record)?.Kind == AcknowledgementKind.Deferred && record.CompletionOf(ask.Ask.Token) is null);

    /// <summary>Counts one interaction's fate into <paramref name="result"/>.</summary>
    private static void Trace(PhaseResult result, Acknowledgement? ack, SentAsk ask, DiscordRecord record, DateTimeOffset started)
    {
        if (ack is null or { Kind: AcknowledgementKind.None })
        {
            result.NotAcked++;
            result.Lost++;
            return;
        }

        result.AckMilliseconds.Add(ack.After.TotalMilliseconds);
        if (ack.After <= PhaseResult.Window)
            result.AckedInTime++;
        else
            result.AckedLate++;

        TimeSpan? answeredAfter = null;
        switch (ack.Kind)
        {
            case AcknowledgementKind.Answer:
                result.AnsweredAtOnce++;
                answeredAfter = ack.After;
                break;
            case AcknowledgementKind.Busy:
                result.Busy++;
                break;
            case AcknowledgementKind.Error:
                result.Errors++;
                break;
            case AcknowledgementKind.Deferred:
                result.Deferred++;
                answeredAfter = Completed(result, ask, record);
                break;
        }

        if (answeredAfter is { } after)
        {
            result.AnswerMilliseconds.Add(after.TotalMilliseconds);
            result.AnsweredInWindow += after <= PhaseResult.Window ? 1 : 0;
            var at = ask.SentAt - started + after;
            result.AnsweredDuringPhase += at.TotalSeconds <= result.Seconds ? 1 : 0;
            result.LastAnswer = at > result.LastAnswer ? at : result.LastAnswer;
        }
    }

    /// <summary>When a deferred interaction got its answer after sending; null (counted) when it got the apology or nothing.</summary>
    private static TimeSpan? Completed(PhaseResult result, SentAsk ask, DiscordRecord record)
    {
        switch (record.CompletionOf(ask.Ask.Token))
        {
            case { Apology: false } completion:
                result.AnsweredAfterDeferral++;
                return completion.At - ask.SentAt;
            case { Apology: true }:
                result.Errors++;
                return null;
            default:
                result.Lost++;
                return null;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var until = Stopwatch.StartNew();
        while (!condition() && until.Elapsed < limit)
            await Task.Delay(250);
    }
}
