using Bot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// What the health probes read off the gateway: the session's state, and whether Discord still acknowledges
/// heartbeats, on a fake clock shared by client and server.
/// </summary>
public sealed class GatewayStatusTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task The_session_is_live_after_ready_and_heartbeats_stay_acknowledged_while_discord_acks_them()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(heartbeatIntervalMs: 1000, time: time, jitter: 0.5);
        var status = harness.Host.Services.GetRequiredService<GatewayStatus>();
        await harness.RoundTripInteractionAsync();

        Assert.Equal(GatewaySessionState.Ready, status.State);
        Assert.True(status.IsSessionLive);
        Assert.Equal(TimeSpan.FromSeconds(1), status.HeartbeatInterval);

        // Five intervals, each beat acknowledged: more than three intervals and the grace pass, and the link is fine.
        time.Advance(TimeSpan.FromMilliseconds(500));
        for (var beat = 1; beat <= 5; beat++)
        {
            await UntilAsync(status, () => status.SinceLastAcknowledgement == TimeSpan.Zero, $"the ACK of beat {beat}");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(status.HeartbeatsAcknowledged(Grace));
        Assert.Single(harness.Gateway.Connections);
    }

    [Fact]
    public async Task Heartbeats_count_as_unacknowledged_after_three_intervals_and_the_grace_even_across_reconnects()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(heartbeatIntervalMs: 1000, time: time, jitter: 0.5);
        var status = harness.Host.Services.GetRequiredService<GatewayStatus>();
        await harness.RoundTripInteractionAsync();
        harness.Gateway.AcksHeartbeats = false;

        // The client gives the link up after one unanswered beat and resumes; the new link is no better.
        time.Advance(TimeSpan.FromMilliseconds(500));
        await harness.Gateway.WaitForAsync(g => g.Connections[0].ReceivedOp(1).Any(), "the first heartbeat");
        time.Advance(TimeSpan.FromSeconds(1));
        await harness.Gateway.WaitForAsync(g => g.ResumeCount >= 1, "the resume after the zombie link");
        Assert.True(status.HeartbeatsAcknowledged(Grace), "1.5 s without an ACK is within three intervals");

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(status.HeartbeatsAcknowledged(Grace), "3.5 s without an ACK is within three intervals and the grace");
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(status.HeartbeatsAcknowledged(Grace));
        Assert.Equal(TimeSpan.FromSeconds(3.6), status.SinceLastAcknowledgement);
    }

    [Fact]
    public async Task Before_the_first_hello_the_status_says_nothing_is_wrong()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(time: time, start: false);
        var status = harness.Host.Services.GetRequiredService<GatewayStatus>();

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(GatewaySessionState.Disconnected, status.State);
        Assert.False(status.IsSessionLive);
        Assert.Null(status.SinceLastAcknowledgement);
        Assert.True(status.HeartbeatsAcknowledged(TimeSpan.Zero));
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking it each time the status changes.</summary>
    private static Task UntilAsync(GatewayStatus status, Func<bool> condition, string what) =>
        ChangeSignal.WaitUntilAsync(h => status.Changed += h, h => status.Changed -= h, condition, TimeSpan.FromSeconds(10), () => $"timed out waiting for {what}");
}
