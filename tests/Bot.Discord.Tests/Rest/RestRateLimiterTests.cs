using System.Globalization;
using Bot.Discord.Rest;
using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Rest;

public sealed class RestRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public void Buckets_are_split_by_the_top_level_id()
    {
        var limiter = new RestRateLimiter(_time);
        var route = DiscordRoutes.CreateMessage;

        Assert.NotSame(limiter.BucketFor(route.Bind("1")), limiter.BucketFor(route.Bind("2")));
        Assert.Same(limiter.BucketFor(route.Bind("1")), limiter.BucketFor(route.Bind("1")));
    }

    [Fact]
    public void Routes_sharing_a_discord_bucket_id_share_one_bucket_per_top_level_id()
    {
        var limiter = new RestRateLimiter(_time);
        var global = DiscordRoutes.BulkOverwriteApplicationCommands.Bind("1");
        var list = DiscordRoutes.ListApplicationCommands.Bind("1");
        var headers = new RateLimitHeaders { Limit = 5, Remaining = 4, ResetAfter = TimeSpan.FromSeconds(5), Bucket = "shared-commands" };

        limiter.Learn(global, limiter.BucketFor(global), headers);
        limiter.Learn(list, limiter.BucketFor(list), headers);

        Assert.Same(limiter.BucketFor(global), limiter.BucketFor(list));
    }

    [Fact]
    public async Task Idle_buckets_of_old_interactions_are_forgotten()
    {
        var limiter = new RestRateLimiter(_time);
        for (var i = 0; i < 3000; i++)
        {
            var bucket = limiter.BucketFor(DiscordRoutes.CreateInteractionResponse.Bind($"{i + 1}", $"token{i}"));
            await bucket.AcquireAsync(TimeSpan.Zero, default);
            bucket.Release(null, succeeded: true);
        }

        Assert.InRange(limiter.BucketCount, 1, 1025);
    }

    [Fact]
    public async Task Many_busy_interactions_are_not_rescanned_on_every_request_and_are_forgotten_once_idle()
    {
        // Under overload thousands of interactions have a request in flight at once: none can be forgotten,
        // and looking for idle buckets on every new one cost a scan of all of them per request.
        var limiter = new RestRateLimiter(_time);
        var busy = new List<RateLimitBucket>();
        for (var i = 0; i < 8000; i++)
        {
            var bucket = limiter.BucketFor(DiscordRoutes.CreateInteractionResponse.Bind($"{i + 1}", $"token{i}"));
            await bucket.AcquireAsync(TimeSpan.Zero, default);
            busy.Add(bucket);
        }

        Assert.Equal(8000, limiter.BucketCount);
        Assert.InRange(limiter.Sweeps, 1, 4); // at 1024, 2048, 4096 and 8192 at most: not once per request

        foreach (var bucket in busy)
        {
            bucket.Release(null, succeeded: true);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.BucketFor(DiscordRoutes.CreateInteractionResponse.Bind("9001", "token-next"));

        Assert.Equal(1, limiter.BucketCount);
    }
}
