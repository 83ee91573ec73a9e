using System.Globalization;
using Bot.Discord.Local;
using Bot.Discord.Rest;

namespace Bot.Discord.Tests.Rest;

/// <summary>429s are waited out as Discord asks, 502/503/504 retried with back-off; both bounded.</summary>
public sealed class RestRetryTests
{
    [Fact]
    public async Task A_429_waits_retry_after_then_succeeds()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.Script("create_message", LocalDiscordResponses.RateLimited("user", 0.05));

        var result = await harness.Client.CreateMessageAsync(1213418270883971075, TestModels.Hello);

        Assert.True(result.IsSuccess, result.ToString());
        var (limited, retried) = (harness.Server.Requests[0], harness.Server.Requests[1]);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal((429, 200), (limited.Status, retried.Status));
        Assert.True(retried.ReceivedAt - limited.RespondedAt >= TimeSpan.FromMilliseconds(45), $"retried {(retried.ReceivedAt - limited.RespondedAt!.Value).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task A_429_from_the_docs_waits_its_full_retry_after_on_the_injected_clock()
    {
        await using var harness = await RestHarness.StartAsync(
            new SteppedFakeTime(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture)),
            options => options.MaxRateLimitWait = TimeSpan.FromMinutes(2));
        harness.Server.Script("get_bot_gateway", LocalDiscordResponses.RateLimited("user", 64.57));

        var call = harness.Client.GetGatewayBotAsync();
        var moved = await harness.AdvanceUntilAsync(call, TimeSpan.FromSeconds(1));

        Assert.True((await call).IsSuccess);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.True(moved >= TimeSpan.FromSeconds(64.57), $"retried after the clock moved {moved}");
    }

    [Theory]
    [InlineData("body", 3.5)]
    [InlineData("header", 2)]
    public async Task A_429_without_bucket_headers_waits_the_retry_after_it_gives(string source, double seconds)
    {
        await using var harness = await RestHarness.StartAsync(new SteppedFakeTime(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture)));
        harness.Server.Script("create_message", source == "body"
            ? LocalDiscordResponses.RateLimited("user", seconds, bucketHeaders: false)
            : LocalDiscordResponses.RateLimitedByHeaderOnly((int)seconds));

        var call = harness.Client.CreateMessageAsync(1213418270883971075, TestModels.Hello);
        var moved = await harness.AdvanceUntilAsync(call, TimeSpan.FromMilliseconds(250));

        Assert.True((await call).IsSuccess);
        Assert.Null(harness.Server.Requests[0].Header("X-RateLimit-Remaining"));
        Assert.True(moved >= TimeSpan.FromSeconds(seconds), $"retried after the clock moved {moved}");
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_allowed_comes_back_at_once_and_holds_the_bucket()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.Script("create_message", LocalDiscordResponses.RateLimited("shared", 1336.57));

        var first = await harness.Client.CreateMessageAsync(5, TestModels.Hello);
        var second = await harness.Client.CreateMessageAsync(5, TestModels.Hello);
        var otherChannel = await harness.Client.CreateMessageAsync(6, TestModels.Hello);

        Assert.Equal(DiscordRestErrorKind.RateLimitedTooLong, first.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1336.57), first.Error!.RetryAfter);
        Assert.Equal("The resource is being rate limited.", first.Error.Message);
        Assert.Equal(DiscordRestErrorKind.RateLimitedTooLong, second.Error?.Kind);
        Assert.Equal(0, second.Error!.Attempts);
        Assert.True(otherChannel.IsSuccess, otherChannel.ToString());
        Assert.Equal(["/channels/5/messages", "/channels/6/messages"], harness.Server.Requests.Select(r => r.Path).ToArray());
    }

    [Fact]
    public async Task Persistent_429s_stop_after_the_bounded_number_of_tries()
    {
        await using var harness = await RestHarness.StartAsync(configure: options => options.MaxAttempts = 3);
        harness.Server.Script("create_message", LocalDiscordResponses.RateLimited("user", 0.01), times: 10);

        var result = await harness.Client.CreateMessageAsync(1, TestModels.Hello);

        Assert.Equal(DiscordRestErrorKind.RetriesExhausted, result.Error?.Kind);
        Assert.Equal(3, result.Error!.Attempts);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_bad_gateway_or_unavailable_is_retried_then_succeeds(int status)
    {
        await using var harness = await RestHarness.StartAsync();
        var failure = status == 502 ? LocalDiscordResponses.BadGateway() : LocalDiscordResponses.ServiceUnavailable();
        harness.Server.Script("create_message", failure, times: 2);

        var result = await harness.Client.CreateMessageAsync(1, TestModels.Hello);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([status, status, 200], harness.Server.Requests.Select(r => r.Status ?? 0).ToArray());
    }

    [Fact]
    public async Task Persistent_502s_stop_after_the_bounded_number_of_tries()
    {
        await using var harness = await RestHarness.StartAsync(configure: options => options.MaxAttempts = 4);
        harness.Server.Script("get_bot_gateway", LocalDiscordResponses.BadGateway(), times: 10);

        var result = await harness.Client.GetGatewayBotAsync();

        Assert.Equal(DiscordRestErrorKind.ServerError, result.Error?.Kind);
        Assert.Equal(502, result.Error!.HttpStatus);
        Assert.Equal(4, result.Error.Attempts);
        Assert.Equal(4, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Back_off_after_a_502_waits_on_the_injected_clock()
    {
        await using var harness = await RestHarness.StartAsync(
            new SteppedFakeTime(DateTimeOffset.Parse("2026-08-07T19:00:00Z", CultureInfo.InvariantCulture)),
            options => (options.ServerErrorBackoff, options.MaxServerErrorBackoff) = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));
        harness.Server.Script("get_bot_gateway", LocalDiscordResponses.BadGateway());

        var call = harness.Client.GetGatewayBotAsync();
        var moved = await harness.AdvanceUntilAsync(call, TimeSpan.FromMilliseconds(250));

        Assert.True((await call).IsSuccess);
        Assert.True(moved >= TimeSpan.FromSeconds(1), $"retried after the clock moved {moved}; the first back-off is 1–2 s");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_unreachable()
    {
        var closed = await LocalDiscordServer.StartAsync();
        await closed.DisposeAsync();
        await using var harness = await RestHarness.StartAsync(configure: options => (options.ApiBaseUrl, options.MaxAttempts) = (closed.BaseUrl, 3));

        var result = await harness.Client.CreateMessageAsync(1, TestModels.Hello);

        Assert.Equal(DiscordRestErrorKind.Unreachable, result.Error?.Kind);
        Assert.Equal(3, result.Error!.Attempts);
    }

    [Fact]
    public async Task A_post_that_timed_out_is_not_sent_again()
    {
        await using var harness = await RestHarness.StartAsync(httpTimeout: TimeSpan.FromMilliseconds(300));
        var gate = harness.Server.Hold("create_message");
        var (id, token) = harness.Server.NewInteraction();
        var callbackGate = harness.Server.Hold("create_interaction_response");

        var message = await harness.Client.CreateMessageAsync(1, TestModels.Hello);
        var callback = await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply);
        gate.Release();
        callbackGate.Release();

        Assert.Equal((DiscordRestErrorKind.Unreachable, 1), (message.Error?.Kind, message.Error!.Attempts));
        Assert.Equal((DiscordRestErrorKind.Unreachable, 1), (callback.Error?.Kind, callback.Error!.Attempts));
        Assert.Single(harness.Server.RequestsTo("create_message"));
        Assert.Single(harness.Server.RequestsTo("create_interaction_response"));
    }

    [Fact]
    public async Task An_idempotent_request_that_timed_out_is_sent_again()
    {
        await using var harness = await RestHarness.StartAsync(httpTimeout: TimeSpan.FromMilliseconds(300));
        var gate = harness.Server.Hold("create_pin");

        var result = await harness.Client.PinMessageAsync(1, 2);
        gate.Release();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, harness.Server.RequestsTo("create_pin").Count);
    }

    [Fact]
    public async Task A_global_429_pauses_other_bot_routes_but_not_interaction_callbacks()
    {
        await using var harness = await RestHarness.StartAsync();
        harness.Server.Script("create_message", LocalDiscordResponses.RateLimited("global", 1.0));

        var limited = harness.Client.CreateMessageAsync(1, TestModels.Hello);
        await harness.Server.WaitForRequestsAsync(1, "create_message");
        await WaitForLogAsync(harness, "global");
        var otherRoute = harness.Client.GetGatewayBotAsync();
        var (id, token) = harness.Server.NewInteraction();
        var callback = await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply);
        Assert.True(callback.IsSuccess, callback.ToString());
        Assert.False(otherRoute.IsCompleted, "a bot route went out during a global pause");

        Assert.True((await limited).IsSuccess);
        Assert.True((await otherRoute).IsSuccess);
        var globalLimited = harness.Server.RequestsTo("create_message")[0];
        var gateway = Assert.Single(harness.Server.RequestsTo("get_bot_gateway"));
        var callbackRequest = Assert.Single(harness.Server.RequestsTo("create_interaction_response"));
        Assert.True(gateway.ReceivedAt - globalLimited.RespondedAt >= TimeSpan.FromMilliseconds(950), "the other route waited for the global pause");
        Assert.True(callbackRequest.Sequence < gateway.Sequence, "the callback went out during the pause");
    }

    [Fact]
    public async Task Cancelling_a_call_throws_and_frees_its_bucket()
    {
        await using var harness = await RestHarness.StartAsync();
        var gate = harness.Server.Hold("create_message");
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.CreateMessageAsync(1, TestModels.Hello, cancellation.Token);
        await gate.Arrived;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        gate.Release();
        var next = await harness.Client.CreateMessageAsync(1, TestModels.Hello);
        Assert.True(next.IsSuccess, next.ToString());
    }

    private static Task WaitForLogAsync(RestHarness harness, string text) =>
        ChangeSignal.WaitUntilAsync(
            h => harness.Logs.Logged += h,
            h => harness.Logs.Logged -= h,
            () => harness.Logs.Entries.Any(entry => entry.Message.Contains(text, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            () => $"no log with '{text}': {harness.Logs.AllText}");
}
