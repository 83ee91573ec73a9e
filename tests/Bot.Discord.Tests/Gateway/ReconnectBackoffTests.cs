using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Delays_double_from_one_second_to_a_minute_with_jitter_in_the_upper_half()
    {
        var nominal = new[] { 1, 2, 4, 8, 16, 32, 60, 60, 60, 60 };
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(60), new Random(42));

        var delays = nominal.Select(_ => backoff.Next()).ToArray();

        for (var i = 0; i < nominal.Length; i++)
        {
            Assert.InRange(delays[i], Second * nominal[i] / 2, Second * nominal[i]);
        }

        // Each attempt's lower bound is the previous one's upper bound: the waits never shrink.
        Assert.Equal(delays.Take(6).Order(), delays.Take(6));
        Assert.All(delays.Skip(6), delay => Assert.True(delay >= delays[5] / 2));
    }

    [Fact]
    public void Jitter_spans_half_to_all_of_the_nominal_delay()
    {
        var low = new ReconnectBackoff(Second, TimeSpan.FromSeconds(60), new FixedRandom(0));
        var high = new ReconnectBackoff(Second, TimeSpan.FromSeconds(60), new FixedRandom(0.999999));

        Assert.Equal([0.5, 1, 2, 4], Enumerable.Range(0, 4).Select(_ => low.Next().TotalSeconds));
        Assert.All(Enumerable.Range(0, 4).Select(i => (Delay: high.Next(), Nominal: Second * (1 << i))), pair => Assert.InRange(pair.Delay, pair.Nominal * 0.9999, pair.Nominal));
    }

    [Fact]
    public void It_never_runs_out_and_starts_over_after_a_session_is_back()
    {
        var backoff = new ReconnectBackoff(Second, TimeSpan.FromSeconds(60), new FixedRandom(0));
        for (var i = 0; i < 10_000; i++)
        {
            backoff.Next();
        }

        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Next());

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(0.5), backoff.Next());
    }
}
