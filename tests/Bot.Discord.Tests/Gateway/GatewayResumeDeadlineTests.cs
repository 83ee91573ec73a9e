using Bot.Discord.Gateway;
using Bot.Discord.Local.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// A RESUME that the server never answers, though it keeps the link up: the client gives the session up
/// at <c>Discord:ResumeTimeout</c> and identifies anew, and only then. Heartbeats are 60 s apart here, so
/// they stay out of the way of the deadlines these tests move the clock to.
/// </summary>
public sealed class GatewayResumeDeadlineTests
{
    private const int ResumeUnansweredEvent = 19;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_unanswered_resume_is_closed_with_1000_exactly_at_its_deadline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await StartAsync(time, Deadline);
        await harness.RoundTripInteractionAsync();
        harness.Gateway.ResumeReply = ResumeReply.Ignore;

        await harness.Gateway.SendReconnectAsync();
        var resuming = await ResumingConnectionAsync(harness);
        var resumeAt = resuming.ReceivedOp(6).Single().At;
        time.Advance(Deadline - TimeSpan.FromMilliseconds(1));
        time.Advance(TimeSpan.FromMilliseconds(1));

        await resuming.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(resuming.ClosedByClient);
        Assert.Equal(GatewayCloseCodes.Normal, resuming.ClientCloseCode); // ends the session: a new one follows
        Assert.Equal(Deadline, resuming.ClientClosedAt - resumeAt);
        var warning = harness.Logs.Entries.Single(e => e.EventId.Id == ResumeUnansweredEvent);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("00:00:10", warning.Message);
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 4 && e.Message.Contains("no answer to RESUME", StringComparison.Ordinal), "the reconnect to identify");
        Assert.Contains("to identify", harness.Logs.Entries.Single(e => e.EventId.Id == 4).Message);
    }

    [Fact]
    public async Task An_unanswered_resume_ends_in_a_new_identify_and_interactions_flow_again()
    {
        await using var harness = await StartAsync(time: null, TimeSpan.FromMilliseconds(200));
        await harness.RoundTripInteractionAsync();
        var firstSession = harness.Gateway.CurrentSessionId;
        harness.Gateway.ResumeReply = ResumeReply.Ignore;

        await harness.Gateway.SendReconnectAsync();
        await harness.Gateway.WaitForAsync(g => g.IdentifyCount == 2 && g.CurrentSessionId != firstSession, "a new IDENTIFY after the unanswered RESUME");
        await harness.RoundTripInteractionAsync();

        var connections = harness.Gateway.Connections;
        Assert.Equal(3, connections.Count);
        var (resuming, identifying) = (connections[1], connections[2]);
        Assert.Equal(LocalGateway.ResumePath, resuming.Path);
        Assert.Single(resuming.ReceivedOp(6));
        Assert.DoesNotContain(resuming.Sent, frame => frame.Op == 0); // nothing answered the RESUME
        await resuming.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(GatewayCloseCodes.Normal, resuming.ClientCloseCode);
        Assert.Equal(LocalGateway.Path, identifying.Path);
        Assert.Single(identifying.ReceivedOp(2));
        Assert.Equal(1, harness.Gateway.ResumeCount);
        Assert.Empty(harness.Gateway.ProtocolErrors);
    }

    [Fact]
    public async Task A_replayed_event_answers_the_resume_even_before_resumed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await StartAsync(time, Deadline);
        await harness.RoundTripInteractionAsync();
        var missedJson = harness.NewInteractionJson(out var missedId);
        harness.Gateway.OnClientClose = async closing =>
        {
            if (closing.Index == 0)
                await harness.Gateway.DispatchInteractionAsync(missedJson);
        };
        harness.Gateway.ResumeReply = ResumeReply.ReplayOnly;

        await harness.Gateway.SendReconnectAsync();
        Assert.Equal(missedId, (await harness.ReadInteractionAsync()).Interaction.Id);
        time.Advance(Deadline);

        // The clock runs due timers as it moves: had the deadline still been set, its warning would be logged by now.
        Assert.DoesNotContain(harness.Logs.Entries, e => e.EventId.Id == ResumeUnansweredEvent);
        await harness.Gateway.DispatchInteractionAsync(harness.NewInteractionJson(out var liveId));
        Assert.Equal(liveId, (await harness.ReadInteractionAsync()).Interaction.Id);
        Assert.Equal(2, harness.Gateway.ConnectionCount);
        Assert.Equal(1, harness.Gateway.IdentifyCount);
    }

    [Fact]
    public async Task Resumed_lifts_the_deadline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await StartAsync(time, Deadline);
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.SendReconnectAsync();
        await harness.Gateway.WaitForAsync(g => g.ResumeCount == 1, "RESUME");
        await harness.RoundTripInteractionAsync();
        time.Advance(Deadline);

        Assert.DoesNotContain(harness.Logs.Entries, e => e.EventId.Id == ResumeUnansweredEvent);
        await harness.RoundTripInteractionAsync();
        Assert.Equal(2, harness.Gateway.ConnectionCount);
        Assert.Equal(1, harness.Gateway.IdentifyCount);
    }

    private static Task<GatewayHarness> StartAsync(FakeTimeProvider? time, TimeSpan resumeTimeout) =>
        GatewayHarness.StartAsync(
            heartbeatIntervalMs: 60_000,
            time: time,
            settings: _ => new Dictionary<string, string?>
            {
                ["Discord:ResumeTimeout"] = resumeTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            });

    private static async Task<LocalGatewayConnection> ResumingConnectionAsync(GatewayHarness harness)
    {
        await harness.Gateway.WaitForAsync(g => g.Connections.Count == 2 && g.Connections[1].ReceivedOp(6).Count == 1, "RESUME on a second connection");
        return harness.Gateway.Connections[1];
    }
}
