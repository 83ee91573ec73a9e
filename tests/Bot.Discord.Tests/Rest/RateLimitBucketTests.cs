using System.Globalization;
using Bot.Discord.Rest.RateLimits;

namespace Bot.Discord.Tests.Rest;

public sealed class RateLimitBucketTests
{
    private static readonly TimeSpan NoLimit = TimeSpan.FromHours(1);

    private readonly TimerRecordingTimeProvider _time = new(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture));

    private static RateLimitHeaders Described(int limit, int remaining, double resetAfter) =>
        new() { Limit = limit, Remaining = remaining, ResetAfter = TimeSpan.FromSeconds(resetAfter), Bucket = "abcd" };

    [Fact]
    public async Task An_unknown_bucket_holds_the_second_request_until_the_first_answer()
    {
        var bucket = new RateLimitBucket(_time);

        Assert.True((await bucket.AcquireAsync(NoLimit, default)).Acquired);
        var second = bucket.AcquireAsync(NoLimit, default).AsTask();

        // Waiting for the first answer, not for the clock: no timer, and nothing lets it through but that answer.
        Assert.False(second.IsCompleted);
        Assert.Empty(_time.DueTimes);

        bucket.Release(Described(5, 4, 5), succeeded: true);

        Assert.True((await second.WaitAsync(TimeSpan.FromSeconds(5))).Acquired);
    }

    [Fact]
    public async Task A_failed_request_without_an_answer_lets_the_next_one_probe()
    {
        var bucket = new RateLimitBucket(_time);
        Assert.True((await bucket.AcquireAsync(NoLimit, default)).Acquired);
        var second = bucket.AcquireAsync(NoLimit, default).AsTask();

        bucket.Release(null, succeeded: false);

        Assert.True((await second.WaitAsync(TimeSpan.FromSeconds(5))).Acquired);
        Assert.Equal(1, bucket.InFlight);
    }

    [Fact]
    public async Task Remaining_zero_waits_reset_after_on_the_clock()
    {
        var bucket = new RateLimitBucket(_time);
        await bucket.AcquireAsync(NoLimit, default);
        bucket.Release(Described(1, 0, 2), succeeded: true);

        var next = bucket.AcquireAsync(NoLimit, default).AsTask();

        Assert.False(next.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(_time.DueTimes));
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(5))).Acquired);
    }

    [Fact]
    public async Task Remaining_requests_go_out_together_and_the_next_waits_for_the_reset()
    {
        var bucket = new RateLimitBucket(_time);
        await bucket.AcquireAsync(NoLimit, default);
        bucket.Release(Described(3, 2, 1), succeeded: true);

        Assert.True((await bucket.AcquireAsync(NoLimit, default)).Acquired);
        Assert.True((await bucket.AcquireAsync(NoLimit, default)).Acquired);
        var third = bucket.AcquireAsync(NoLimit, default).AsTask();

        Assert.False(third.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(_time.DueTimes));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await third.WaitAsync(TimeSpan.FromSeconds(5))).Acquired);
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_is_refused_with_its_length()
    {
        var bucket = new RateLimitBucket(_time);
        bucket.Pause(TimeSpan.FromSeconds(64.57));

        var wait = await bucket.AcquireAsync(TimeSpan.FromSeconds(30), default);

        Assert.False(wait.Acquired);
        Assert.Equal(64.57, wait.TooLongBy.TotalSeconds, precision: 2);
    }

    [Fact]
    public async Task A_route_answering_without_rate_limit_headers_is_not_limited()
    {
        var bucket = new RateLimitBucket(_time);
        await bucket.AcquireAsync(NoLimit, default);
        bucket.Release(new RateLimitHeaders(), succeeded: true);

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await bucket.AcquireAsync(NoLimit, default)).Acquired);
        }

        Assert.Equal(10, bucket.InFlight);
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_leaves_the_bucket_usable()
    {
        var bucket = new RateLimitBucket(_time);
        await bucket.AcquireAsync(NoLimit, default);
        using var cancellation = new CancellationTokenSource();

        var waiting = bucket.AcquireAsync(NoLimit, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        bucket.Release(null, succeeded: false);
        Assert.True((await bucket.AcquireAsync(NoLimit, default)).Acquired);
    }
}
