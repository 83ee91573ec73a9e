using System.Globalization;
using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Interactions;

/// <summary>Failing handlers, failing callbacks, late interactions: the user hears something sensible, nothing throws.</summary>
public sealed class InteractionDispatcherFailureTests
{
    private static readonly TimeSpan ShortDeferAfter = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_handler_that_throws_before_the_deferral_gets_an_ephemeral_apology_and_the_next_interaction_is_served()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var failing = harness.NewCommand("ask");
        harness.Handler.Handle = (_, _) => throw new InvalidOperationException("index is rebuilding");

        await harness.DispatchAsync(failing);

        var callback = harness.SingleCallback(failing);
        var body = DispatcherHarness.Body(callback);
        Assert.Equal(4, (int)body["type"]!);
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)body["data"]!["content"]);
        Assert.Equal(64, (int)body["data"]!["flags"]!);
        Assert.Equal("{\"parse\":[]}", body["data"]!["allowed_mentions"]!.ToJsonString());
        Assert.Equal(204, callback.Status);

        var error = Assert.Single(harness.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(failing.Interaction.Id.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("(ask)", error.Message, StringComparison.Ordinal);
        Assert.Contains("index is rebuilding", error.Exception?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(failing.Interaction.Token, harness.Logs.AllText, StringComparison.Ordinal);

        harness.Handler.Handle = (_, _) => ValueTask.FromResult(TestInteractionHandler.Reply("Back to normal."));
        var next = harness.NewCommand();
        await harness.DispatchAsync(next);

        var nextBody = DispatcherHarness.Body(harness.SingleCallback(next));
        Assert.Equal(4, (int)nextBody["type"]!);
        Assert.Equal("Back to normal.", (string?)nextBody["data"]!["content"]);
    }

    [Fact]
    public async Task A_handler_whose_plan_throws_gets_the_same_apology()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand();
        harness.Handler.Plan = _ => throw new ArgumentException("unknown command");

        await harness.DispatchAsync(incoming);

        var body = DispatcherHarness.Body(harness.SingleCallback(incoming));
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)body["data"]!["content"]);
        Assert.Equal(0, harness.Handler.HandleCalls);
        Assert.Single(harness.LogsAbout(incoming, LogLevel.Error));
    }

    [Fact]
    public async Task A_handler_that_throws_after_the_deferral_edits_the_original_with_the_apology()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewCommand();
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            throw new TimeoutException("knowledge index did not answer");
        };

        await harness.DispatchAsync(incoming);

        Assert.Equal(5, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        var edit = Assert.Single(harness.EditsOf(incoming));
        var body = DispatcherHarness.Body(edit);
        Assert.Equal(200, edit.Status);
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)body["content"]);
        Assert.Equal("{\"parse\":[]}", body["allowed_mentions"]!.ToJsonString());
        Assert.Single(harness.LogsAbout(incoming, LogLevel.Error));
    }

    [Fact]
    public async Task A_component_handler_that_throws_after_a_deferred_update_leaves_the_message_alone_and_apologises_aside()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewComponent();
        harness.Handler.Plan = _ => DeferralKind.UpdateMessage;
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            throw new InvalidOperationException("page out of range");
        };

        await harness.DispatchAsync(incoming);

        Assert.Equal(6, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        Assert.Empty(harness.EditsOf(incoming));
        var followup = Assert.Single(harness.FollowupsOf(incoming));
        var body = DispatcherHarness.Body(followup);
        Assert.Equal(200, followup.Status);
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)body["content"]);
        Assert.Equal(64, (int)body["flags"]!);
    }

    [Fact]
    public async Task An_autocomplete_handler_that_throws_offers_no_choices()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewAutocomplete();
        harness.Handler.Plan = _ => DeferralKind.None;
        harness.Handler.Handle = (_, _) => throw new InvalidOperationException("no films loaded");

        await harness.DispatchAsync(incoming);

        Assert.Equal("{\"type\":8,\"data\":{\"choices\":[]}}", harness.SingleCallback(incoming).Body);
    }

    [Fact]
    public async Task Autocomplete_choices_after_a_deferral_cannot_be_delivered_so_the_user_gets_the_apology()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewCommand();
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return InteractionReply.Autocomplete([]);
        };

        await harness.DispatchAsync(incoming);

        var edit = DispatcherHarness.Body(Assert.Single(harness.EditsOf(incoming)));
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)edit["content"]);
    }

    [Fact]
    public async Task A_rate_limited_callback_is_retried_after_retry_after_and_delivered_once()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        harness.Server.Script(DispatcherHarness.CallbackOperation, LocalDiscordResponses.RateLimited("user", 0.3));
        var incoming = harness.NewCommand();

        await harness.DispatchAsync(incoming);

        var callbacks = harness.CallbacksTo(incoming);
        Assert.Equal([429, 204], callbacks.Select(c => c.Status ?? 0));
        Assert.Equal(callbacks[0].Body, callbacks[1].Body);
        Assert.True(callbacks[1].ReceivedAt - callbacks[0].ReceivedAt >= TimeSpan.FromMilliseconds(250), "waited for retry_after");
        Assert.Equal(1, harness.Handler.HandleCalls);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_on_the_callback_is_retried_and_the_reply_delivered_once(int status)
    {
        await using var harness = await DispatcherHarness.StartAsync();
        harness.Server.Script(DispatcherHarness.CallbackOperation, status switch
        {
            500 => LocalDiscordResponses.InternalServerError(),
            502 => LocalDiscordResponses.BadGateway(),
            _ => LocalDiscordResponses.ServiceUnavailable(),
        });
        var incoming = harness.NewCommand();

        await harness.DispatchAsync(incoming);

        var callbacks = harness.CallbacksTo(incoming);
        Assert.Equal([status, 204], callbacks.Select(c => c.Status ?? 0));
        Assert.Equal(4, DispatcherHarness.TypeOf(callbacks[1]));
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_callback_failing_twice_with_500_is_logged_not_thrown_and_not_tried_a_third_time()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        harness.Server.Script(DispatcherHarness.CallbackOperation, LocalDiscordResponses.InternalServerError(), times: 2);
        var incoming = harness.NewCommand();

        await harness.DispatchAsync(incoming);

        Assert.Equal(2, harness.CallbacksTo(incoming).Count);
        var warning = Assert.Single(harness.LogsAbout(incoming, LogLevel.Warning), e => e.Message.Contains("failed:", StringComparison.Ordinal));
        Assert.Contains(nameof(DiscordRestErrorKind.ServerError), warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(DiscordRestErrorKind.UnknownInteraction))]
    [InlineData(nameof(DiscordRestErrorKind.AlreadyAcknowledged))]
    public async Task A_refused_callback_is_logged_by_its_named_outcome_and_not_retried(string outcome)
    {
        await using var harness = await DispatcherHarness.StartAsync();
        harness.Server.Script(DispatcherHarness.CallbackOperation, outcome == nameof(DiscordRestErrorKind.UnknownInteraction)
            ? LocalDiscordResponses.UnknownInteraction()
            : LocalDiscordResponses.AlreadyAcknowledged());
        var incoming = harness.NewCommand();

        await harness.DispatchAsync(incoming);

        Assert.Single(harness.CallbacksTo(incoming));
        var warning = Assert.Single(harness.LogsAbout(incoming, LogLevel.Warning));
        Assert.Contains(outcome, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(incoming.Interaction.Token, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_deferral_stops_the_handler_and_edits_nothing()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        harness.Server.Script(DispatcherHarness.CallbackOperation, LocalDiscordResponses.UnknownInteraction());
        var incoming = harness.NewCommand();
        var handlerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = async (_, cancellationToken) =>
        {
            await using var registration = cancellationToken.Register(() => handlerCancelled.TrySetResult());
            await handlerCancelled.Task;
            cancellationToken.ThrowIfCancellationRequested();
            return TestInteractionHandler.Reply("never sent");
        };

        await harness.DispatchAsync(incoming);

        await handlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(5, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        Assert.Empty(harness.EditsOf(incoming));
        Assert.Single(harness.LogsAbout(incoming, LogLevel.Warning));
    }

    [Fact]
    public async Task An_interaction_picked_up_after_the_3_second_window_is_dropped_with_a_warning()
    {
        var clock = new SteppedFakeTime();
        await using var harness = await DispatcherHarness.StartAsync(time: clock);
        var incoming = harness.NewCommand();
        clock.Advance(TimeSpan.FromSeconds(4)); // waited in the queue

        await harness.DispatchAsync(incoming);

        Assert.Empty(harness.Server.Requests);
        Assert.Equal(0, harness.Handler.PlanCalls + harness.Handler.HandleCalls);
        var warning = Assert.Single(harness.LogsAbout(incoming, LogLevel.Warning));
        Assert.Contains(incoming.Interaction.Id.ToString(CultureInfo.InvariantCulture), warning.Message, StringComparison.Ordinal);
        Assert.Contains("3-second window", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interaction_picked_up_after_defer_after_is_deferred_at_once()
    {
        var clock = new SteppedFakeTime();
        await using var harness = await DispatcherHarness.StartAsync(TimeSpan.FromSeconds(1), clock);
        var incoming = harness.NewCommand();
        clock.Advance(TimeSpan.FromSeconds(1.5)); // waited in the queue, still inside the window
        var release = new TaskCompletionSource<InteractionReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = (_, _) => new ValueTask<InteractionReply>(release.Task);

        var dispatch = harness.DispatchAsync(incoming);
        await harness.WaitForCallbackAsync(incoming); // the clock never moved again: no waiting happened
        release.SetResult(TestInteractionHandler.Reply("Deferred straight away."));
        await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        Assert.Equal("Deferred straight away.", (string?)DispatcherHarness.Body(Assert.Single(harness.EditsOf(incoming)))["content"]);
    }

    [Fact]
    public async Task Autocomplete_not_ready_within_the_window_is_dropped_with_a_log_line_and_its_handler_cancelled()
    {
        var clock = new SteppedFakeTime();
        await using var harness = await DispatcherHarness.StartAsync(TimeSpan.FromSeconds(1), clock);
        var incoming = harness.NewAutocomplete();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Plan = _ => DeferralKind.None;
        harness.Handler.Handle = async (_, cancellationToken) =>
        {
            await using var registration = cancellationToken.Register(() => cancelled.TrySetResult());
            await cancelled.Task;
            cancellationToken.ThrowIfCancellationRequested();
            return InteractionReply.Autocomplete([]);
        };

        await harness.AdvanceUntilAsync(harness.DispatchAsync(incoming), TimeSpan.FromMilliseconds(250));

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(harness.Server.Requests);
        var warning = Assert.Single(harness.LogsAbout(incoming, LogLevel.Warning));
        Assert.Contains("cannot be deferred", warning.Message, StringComparison.Ordinal);
        Assert.True(clock.GetUtcNow() - clock.Start >= TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_handler_still_running_after_14_minutes_is_stopped_and_the_user_told(bool handlerHonoursCancellation)
    {
        var clock = new SteppedFakeTime();
        await using var harness = await DispatcherHarness.StartAsync(TimeSpan.FromSeconds(1), clock);
        var incoming = harness.NewCommand();
        using var neverEnds = new CancellationTokenSource();
        harness.Handler.Handle = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, handlerHonoursCancellation ? cancellationToken : neverEnds.Token);
            return TestInteractionHandler.Reply("never");
        };

        var dispatch = harness.DispatchAsync(incoming);
        await harness.AdvanceUntilAsync(
            Task.WhenAny(dispatch, harness.WaitForCallbackAsync(incoming)), TimeSpan.FromMilliseconds(250));
        await harness.AdvanceUntilAsync(dispatch, TimeSpan.FromMinutes(1));

        Assert.Equal(5, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)DispatcherHarness.Body(Assert.Single(harness.EditsOf(incoming)))["content"]);
        var error = Assert.Single(harness.LogsAbout(incoming, LogLevel.Error));
        Assert.Contains("still being answered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancellation_is_the_only_thing_that_escapes(bool handlerHonoursCancellation)
    {
        await using var harness = await DispatcherHarness.StartAsync(TimeSpan.FromMilliseconds(2900));
        using var shutdown = new CancellationTokenSource();
        using var neverEnds = new CancellationTokenSource();
        var incoming = harness.NewCommand();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = async (_, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, handlerHonoursCancellation ? cancellationToken : neverEnds.Token);
            return TestInteractionHandler.Reply("never");
        };

        var dispatch = harness.DispatchAsync(incoming, shutdown.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(harness.Server.Requests);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_responder_that_throws_is_logged_and_does_not_escape()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand();

        await harness.Dispatcher.DispatchAsync(incoming, new ThrowingResponder(), CancellationToken.None);

        var error = Assert.Single(harness.LogsAbout(incoming, LogLevel.Error));
        Assert.Contains("responder threw", error.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingResponder : IInitialResponder
    {
        public bool ReturnsMessage => true;

        public Task<InitialResponseResult> RespondAsync(Interaction interaction, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken) =>
            throw new IOException("connection reset");
    }
}
