using Bot.Discord.Gateway;
using Bot.Discord.Local.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// Heartbeats on a fake clock shared by client and server: only the test moves time, so beat times are exact.
/// Between clock moves, an interaction round trip proves the client has read everything sent before it (ACKs included).
/// </summary>
public sealed class GatewayHeartbeatTests
{
    [Fact]
    public async Task First_beat_comes_after_a_jittered_part_of_the_interval_then_one_every_interval_with_acks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(heartbeatIntervalMs: 1000, time: time, jitter: 0.25);
        await harness.RoundTripInteractionAsync();
        var connection = harness.Gateway.Current;
        var hello = connection.Sent[0];
        Assert.Equal(10, hello.Op);
        Assert.Empty(connection.ReceivedOp(1));

        time.Advance(TimeSpan.FromMilliseconds(249));
        time.Advance(TimeSpan.FromMilliseconds(1));
        var first = await BeatAsync(harness, connection, 1);
        Assert.Equal(TimeSpan.FromMilliseconds(250), first.At - hello.At);
        Assert.Equal(2, (int?)first.D); // READY was 1, the interaction 2

        for (var beat = 2; beat <= 3; beat++)
        {
            await harness.Gateway.WaitForAsync(_ => connection.Sent.Count(f => f.Op == 11) == beat - 1, "the ACK");
            await harness.RoundTripInteractionAsync();
            time.Advance(TimeSpan.FromSeconds(1));
            var next = await BeatAsync(harness, connection, beat);
            Assert.Equal(TimeSpan.FromMilliseconds(250 + (1000 * (beat - 1))), next.At - hello.At);
            Assert.Equal(beat + 1, (int?)next.D);
        }

        Assert.True(connection.IsOpen);
        Assert.Single(harness.Gateway.Connections);
        Assert.Empty(harness.Gateway.ProtocolErrors);
    }

    [Fact]
    public async Task A_heartbeat_request_from_discord_is_answered_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(heartbeatIntervalMs: 1000, time: time);
        await harness.RoundTripInteractionAsync();
        var connection = harness.Gateway.Current;

        await harness.Gateway.RequestHeartbeatAsync();

        var beat = await BeatAsync(harness, connection, 1);
        Assert.Equal(connection.Sent[0].At, beat.At); // the clock never moved
        Assert.Equal(2, (int?)beat.D);
    }

    [Fact]
    public async Task Missed_heartbeat_ack_closes_without_1000_and_resumes_without_losing_an_interaction()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(heartbeatIntervalMs: 1000, time: time, jitter: 0.5);
        await harness.RoundTripInteractionAsync();
        var sessionId = harness.Gateway.CurrentSessionId;
        var first = harness.Gateway.Current;
        var awayJson = harness.NewInteractionJson(out var awayId);
        harness.Gateway.OnClientClose = async closing =>
        {
            if (closing.Index == 0)
                await harness.Gateway.DispatchInteractionAsync(awayJson);
        };
        harness.Gateway.StopAckingHeartbeats();

        time.Advance(TimeSpan.FromMilliseconds(500));
        await BeatAsync(harness, first, 1);
        time.Advance(TimeSpan.FromSeconds(1));

        var delivered = await harness.ReadInteractionAsync();
        Assert.Equal(awayId, delivered.Interaction.Id);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(first.ClosedByClient);
        Assert.Equal(GatewayCloseCodes.Reconnecting, first.ClientCloseCode);
        Assert.Single(first.ReceivedOp(1)); // the zombie verdict replaced the second beat

        var second = harness.Gateway.Connections[1];
        Assert.Equal(LocalGateway.ResumePath, second.Path);
        var resume = Assert.Single(second.ReceivedOp(6)).D!;
        Assert.Equal(sessionId, (string?)resume["session_id"]);
        Assert.Equal(2, (int?)resume["seq"]);
        Assert.Equal(["INTERACTION_CREATE", "RESUMED"], second.Sent.Skip(1).Select(f => f.T));
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        await harness.RoundTripInteractionAsync();
    }

    [Fact]
    public async Task A_full_interaction_queue_never_holds_up_heartbeats()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(heartbeatIntervalMs: 1000, time: time, jitter: 0.5, queueCapacity: 1);
        await harness.RoundTripInteractionAsync();
        var connection = harness.Gateway.Current;
        var ids = new List<ulong>();
        for (var i = 0; i < 3; i++)
        {
            await harness.Gateway.DispatchInteractionAsync(harness.NewInteractionJson(out var id));
            ids.Add(id);
        }

        await harness.Gateway.WaitForAsync(_ => harness.Logs.Entries.Any(e => e.EventId.Id == 12), "the receive loop to wait for room in the queue");
        for (var beat = 1; beat <= 3; beat++)
        {
            time.Advance(beat == 1 ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(1));
            await BeatAsync(harness, connection, beat);
        }

        Assert.True(connection.IsOpen);
        Assert.Null(connection.ClientCloseCode);
        foreach (var id in ids)
        {
            Assert.Equal(id, (await harness.ReadInteractionAsync()).Interaction.Id);
        }

        Assert.Single(harness.Gateway.Connections);
    }

    private static async Task<GatewayFrame> BeatAsync(GatewayHarness harness, LocalGatewayConnection connection, int count)
    {
        await harness.Gateway.WaitForAsync(_ => connection.ReceivedOp(1).Count >= count, $"heartbeat {count}");
        var beats = connection.ReceivedOp(1);
        Assert.Equal(count, beats.Count);
        return beats[^1];
    }
}
