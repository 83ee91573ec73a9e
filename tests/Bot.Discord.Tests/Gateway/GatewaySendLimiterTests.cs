using System.Diagnostics.CodeAnalysis;
using Bot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Discord's 120 frames per 60 s per connection, with the last slots kept for heartbeats.</summary>
[SuppressMessage("Reliability", "CA2012:Use ValueTasks correctly", Justification = "The tests ask whether a wait completed at once; a wait that did holds nothing to release.")]
public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Other_frames_stop_short_of_the_limit_and_heartbeats_still_go_at_once()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);

        for (var i = 0; i < 115; i++)
        {
            Assert.True(limiter.WaitAsync(heartbeat: false, CancellationToken.None).IsCompletedSuccessfully, $"frame {i + 1}");
        }

        var waiting = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(limiter.WaitAsync(heartbeat: true, CancellationToken.None).IsCompletedSuccessfully, $"heartbeat {i + 1}");
        }

        var heartbeatOverLimit = limiter.WaitAsync(heartbeat: true, CancellationToken.None).AsTask();
        Assert.False(heartbeatOverLimit.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(59.999));
        Assert.False(waiting.IsCompleted);
        Assert.False(heartbeatOverLimit.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(waiting, heartbeatOverLimit).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Slots_come_back_sixty_seconds_after_each_send_not_all_at_once()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        SendNow(limiter, 60);
        time.Advance(TimeSpan.FromSeconds(30));
        SendNow(limiter, 55);

        var waiting = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(29.999));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        // The 60 sent first have left the window; the 55 sent at 30 s have not.
        SendNow(limiter, 59);
        var next = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(29.999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static void SendNow(GatewaySendLimiter limiter, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(limiter.WaitAsync(heartbeat: false, CancellationToken.None).IsCompletedSuccessfully, $"frame {i + 1} of {count}");
        }
    }

    [Fact]
    public async Task A_waiting_frame_gives_up_when_its_connection_ends()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time, limit: 2, heartbeatReserve: 1);
        await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(heartbeat: false, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
