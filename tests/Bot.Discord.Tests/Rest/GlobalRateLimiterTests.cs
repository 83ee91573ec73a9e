using System.Globalization;
using Bot.Discord.Rest.RateLimits;

namespace Bot.Discord.Tests.Rest;

public sealed class GlobalRateLimiterTests
{
    private static readonly TimeSpan NoLimit = TimeSpan.FromHours(1);

    private readonly TimerRecordingTimeProvider _time = new(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Fifty_requests_go_in_a_second_and_the_next_waits_for_the_window()
    {
        var global = new GlobalRateLimiter(_time, 50);
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await global.AcquireAsync(NoLimit, default)).Acquired);
        }

        var next = global.AcquireAsync(NoLimit, default).AsTask();

        // Held on the clock until the first of the fifty leaves the window, a second after it went.
        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(_time.DueTimes));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(5))).Acquired);
    }

    [Fact]
    public async Task A_global_429_pauses_everything_that_counts_toward_it()
    {
        var global = new GlobalRateLimiter(_time, 50);
        global.Pause(TimeSpan.FromSeconds(2));

        var next = global.AcquireAsync(NoLimit, default).AsTask();

        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(_time.DueTimes));
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(5))).Acquired);
    }

    [Fact]
    public async Task A_global_pause_longer_than_allowed_is_refused_at_once()
    {
        var global = new GlobalRateLimiter(_time);
        global.Pause(TimeSpan.FromSeconds(64.57));

        var refused = await global.AcquireAsync(TimeSpan.FromSeconds(30), default);

        Assert.False(refused.Acquired);
        Assert.Equal(64.57, refused.TooLongBy.TotalSeconds, precision: 2);
    }
}
