using Bot.Discord.Local.Gateway;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Connections that end: which ones resume the session, which ones start a new one, and how long the client waits.</summary>
public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task Reconnect_request_resumes_the_session_on_the_resume_url()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.SendReconnectAsync();

        await AssertResumedAsync(harness, lastSequence: 2);
    }

    [Fact]
    public async Task Resumable_invalid_session_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.SendInvalidSessionAsync(resumable: true);

        await AssertResumedAsync(harness, lastSequence: 2);
    }

    [Fact]
    public async Task A_resumable_close_code_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.CloseAsync(4000, "Unknown error");

        await AssertResumedAsync(harness, lastSequence: 2, closedByClient: false);
        Assert.Equal(4000, harness.Gateway.Connections[0].ServerCloseCode);
    }

    [Fact]
    public async Task Invalid_session_not_resumable_identifies_again_after_a_random_wait()
    {
        var time = new SteppedFakeTime(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(time: time);
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.SendInvalidSessionAsync(resumable: false);
        await PassWaitsAsync(harness, time, 150);
        await harness.Gateway.WaitForAsync(g => g.IdentifyCount == 2, "a second IDENTIFY");
        await harness.RoundTripInteractionAsync();

        var (first, second) = (harness.Gateway.Connections[0], harness.Gateway.Connections[1]);
        Assert.Equal(LocalGateway.Path, second.Path);
        Assert.Equal(0, harness.Gateway.ResumeCount);
        Assert.Empty(second.ReceivedOp(6));

        // The harness pins the wait to min + (max - min) × 0.5 = 150 ms; it starts after op 9 was sent.
        var invalidSessionSent = first.Sent.Single(frame => frame.Op == 9).At;
        var identified = second.ReceivedOp(2).Single().At;
        Assert.True(identified - invalidSessionSent >= TimeSpan.FromMilliseconds(150), $"identified {identified - invalidSessionSent} after op 9");
    }

    [Fact]
    public async Task Close_4007_starts_a_new_session()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.RoundTripInteractionAsync();

        await harness.Gateway.CloseAsync(4007, "Invalid seq");
        await harness.Gateway.WaitForAsync(g => g.IdentifyCount == 2, "a second IDENTIFY");
        await harness.RoundTripInteractionAsync();

        Assert.Equal(LocalGateway.Path, harness.Gateway.Connections[1].Path);
        Assert.Equal(0, harness.Gateway.ResumeCount);
    }

    [Fact]
    public async Task A_dropped_link_is_resumed_after_a_growing_backoff()
    {
        var time = new SteppedFakeTime(DateTimeOffset.UtcNow);
        await using var harness = await GatewayHarness.StartAsync(time: time);
        await harness.RoundTripInteractionAsync();
        harness.Gateway.RejectNextHandshakes(2);

        harness.Gateway.Abort();

        await PassWaitsAsync(harness, time, 15, 30, 60);
        await AssertResumedAsync(harness, lastSequence: 2, closedByClient: false);
        var first = harness.Gateway.Connections[0];
        Assert.True(first.Dropped);
        Assert.Null(first.ClientCloseCode);

        // Back-off with the jitter pinned at 0.5: 0.75 × 20 ms, then 0.75 × 40 ms, then 0.75 × 80 ms, each at least
        // that long on the shared clock.
        var attempts = harness.Gateway.RejectedHandshakes.Select(r => r.At).Append(harness.Gateway.Connections[1].Sent[0].At).ToArray();
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).Prepend(attempts[0] - first.AbortedAt!.Value).ToArray();
        Assert.All(harness.Gateway.RejectedHandshakes, r => Assert.Equal(LocalGateway.ResumePath, r.Path));
        Assert.All(
            gaps.Zip(new[] { 15, 30, 60 }),
            pair => Assert.True(pair.First >= TimeSpan.FromMilliseconds(pair.Second), $"gaps {string.Join(", ", gaps)}"));
    }

    [Fact]
    public async Task A_resume_url_that_keeps_failing_is_given_up_for_a_new_session()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.RoundTripInteractionAsync();
        harness.Gateway.RejectNextHandshakes(3);

        harness.Gateway.Abort();
        await harness.Gateway.WaitForAsync(g => g.IdentifyCount == 2, "a new IDENTIFY");
        await harness.RoundTripInteractionAsync();

        Assert.Equal(3, harness.Gateway.RejectedHandshakes.Count);
        Assert.All(harness.Gateway.RejectedHandshakes, r => Assert.Equal(LocalGateway.ResumePath, r.Path));
        Assert.Equal(LocalGateway.Path, harness.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task Graceful_stop_closes_with_1000()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.RoundTripInteractionAsync();

        await harness.Host.StopAsync();

        var connection = Assert.Single(harness.Gateway.Connections);
        await connection.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(connection.ClosedByClient);
        Assert.Equal(1000, connection.ClientCloseCode);
        Assert.False(connection.Dropped);
        Assert.Null(harness.Gateway.CurrentSessionId);
        Assert.True(harness.Client.ExecuteTask!.IsCompletedSuccessfully);
    }

    /// <summary>
    /// Moves the clock the client shares with the local Discord past each of its waits in turn, once the client
    /// waits on it: a wait on this clock never ends before the clock has passed it, so the waits measured on it
    /// are never short (on real time a timer may fire a kernel tick, 4 ms here, early).
    /// </summary>
    private static async Task PassWaitsAsync(GatewayHarness harness, SteppedFakeTime time, params int[] milliseconds)
    {
        foreach (var wait in milliseconds.Select(ms => TimeSpan.FromMilliseconds(ms)))
        {
            await time.WaitForTimerAsync(wait, () => $"connections: {harness.Gateway.Connections.Count}, handshakes refused: {harness.Gateway.RejectedHandshakes.Count}");
            time.Advance(wait);
        }
    }

    /// <summary>
    /// The second connection went to the resume URL and sent RESUME with the session and the last sequence, got
    /// RESUMED, and interactions flow again; the first one was closed without 1000/1001.
    /// </summary>
    private static async Task AssertResumedAsync(GatewayHarness harness, int lastSequence, bool closedByClient = true)
    {
        var sessionId = harness.Gateway.CurrentSessionId;
        await harness.Gateway.WaitForAsync(
            g => g.Connections.Count >= 2 && g.Connections[1].Sent.Any(frame => frame.T == "RESUMED"), "RESUMED on a second connection");
        await harness.RoundTripInteractionAsync();

        var (first, second) = (harness.Gateway.Connections[0], harness.Gateway.Connections[1]);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(closedByClient, first.ClosedByClient);
        Assert.DoesNotContain(first.ClientCloseCode, new int?[] { 1000, 1001 });
        Assert.Equal(LocalGateway.ResumePath, second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        var resume = Assert.Single(second.ReceivedOp(6)).D!;
        Assert.Equal(harness.Server.Token, (string?)resume["token"]);
        Assert.Equal(sessionId, (string?)resume["session_id"]);
        Assert.Equal(lastSequence, (int?)resume["seq"]);
        Assert.Empty(second.ReceivedOp(2));
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Equal(1, harness.Gateway.ResumeCount);
        Assert.Empty(harness.Gateway.ProtocolErrors);
    }
}
