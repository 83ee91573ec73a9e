using System.Globalization;

namespace Bot.Discord.Tests.Rest;

/// <summary>Buckets as a user of the client sees them: an empty bucket delays only its own requests.</summary>
public sealed class RestBucketTests
{
    private static SteppedFakeTime NewClock() => new(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture));

    [Fact]
    public async Task An_empty_bucket_delays_the_next_request_to_it_but_not_to_another_bucket()
    {
        await using var harness = await RestHarness.StartAsync(NewClock());
        harness.Server.RateLimits.Set("create_pin", limit: 1, window: TimeSpan.FromSeconds(5));
        Assert.True((await harness.Client.PinMessageAsync(100, 1)).IsSuccess); // Remaining: 0, Reset-After: 5

        var sameBucket = harness.Client.PinMessageAsync(100, 2);
        var otherChannel = await harness.Client.PinMessageAsync(200, 3);
        var otherRoute = await harness.Client.CreateMessageAsync(100, TestModels.Hello);

        Assert.True(otherChannel.IsSuccess, otherChannel.ToString());
        Assert.True(otherRoute.IsSuccess, otherRoute.ToString());
        Assert.False(sameBucket.IsCompleted);
        Assert.Single(harness.Server.Requests, r => r.Path == "/channels/100/messages/pins/2" || r.Path == "/channels/100/messages/pins/1");

        var moved = await harness.AdvanceUntilAsync(sameBucket, TimeSpan.FromSeconds(1));

        Assert.True((await sameBucket).IsSuccess);
        Assert.True(moved >= TimeSpan.FromSeconds(5), $"sent after {moved}");
        Assert.DoesNotContain(harness.Server.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task A_fresh_bucket_lets_one_request_through_until_its_headers_arrive()
    {
        await using var harness = await RestHarness.StartAsync();
        var gate = harness.Server.Hold("create_message");

        var first = harness.Client.CreateMessageAsync(300, TestModels.Hello);
        await gate.Arrived;
        var second = harness.Client.CreateMessageAsync(300, TestModels.Hello);
        // Let the first answer go only once the second is in the bucket: had the bucket let it
        // through, it would reach Discord before that answer, which the sequence below would show.
        await harness.WaitingAsync(1);
        Assert.Single(harness.Server.Requests);
        gate.Release();

        Assert.True((await first).IsSuccess);
        Assert.True((await second).IsSuccess);
        var (a, b) = (harness.Server.Requests[0], harness.Server.Requests[1]);
        Assert.True(b.Sequence > a.ResponseSequence, "the second request waited for the first answer");
    }

    [Fact]
    public async Task Once_a_bucket_is_known_its_remaining_requests_go_out_together()
    {
        await using var harness = await RestHarness.StartAsync();
        Assert.True((await harness.Client.CreateMessageAsync(400, TestModels.Hello)).IsSuccess); // limit 5, remaining 4
        var gates = new[] { harness.Server.Hold("create_message"), harness.Server.Hold("create_message") };

        var calls = new[] { harness.Client.CreateMessageAsync(400, TestModels.Hello), harness.Client.CreateMessageAsync(400, TestModels.Hello) };
        await Task.WhenAll(gates.Select(gate => gate.Arrived)).WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var gate in gates)
        {
            gate.Release();
        }

        Assert.All(await Task.WhenAll(calls), result => Assert.True(result.IsSuccess));
    }

    [Fact]
    public async Task Interaction_callbacks_and_followups_bypass_the_global_limit()
    {
        await using var harness = await RestHarness.StartAsync(NewClock());
        for (ulong channel = 1; channel <= 50; channel++)
        {
            Assert.True((await harness.Client.CreateMessageAsync(channel, TestModels.Hello)).IsSuccess);
        }

        var fiftyFirst = harness.Client.CreateMessageAsync(51, TestModels.Hello);
        var (id, token) = harness.Server.NewInteraction();
        var callback = await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply).WaitAsync(TimeSpan.FromSeconds(10));
        var followup = await harness.Client.CreateFollowupMessageAsync(harness.Server.ApplicationId, token, new() { Content = "And more." }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(callback.IsSuccess, callback.ToString());
        Assert.True(followup.IsSuccess, followup.ToString());
        Assert.False(fiftyFirst.IsCompleted, "the 51st bot request within a second went out");
        var moved = await harness.AdvanceUntilAsync(fiftyFirst, TimeSpan.FromMilliseconds(100));
        Assert.True((await fiftyFirst).IsSuccess);
        Assert.True(moved >= TimeSpan.FromSeconds(1), $"sent after {moved}");
        Assert.DoesNotContain(harness.Server.Requests, r => r.Status == 429);
    }
}
