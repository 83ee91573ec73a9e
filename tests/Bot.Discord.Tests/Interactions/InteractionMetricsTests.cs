using System.Globalization;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// What an operator reads off the dispatcher's metrics: every interaction counted once by command and
/// outcome, its latency, deferrals and missed 3-second windows, with labels that never hold an id.
/// </summary>
public sealed class InteractionMetricsTests
{
    private static readonly TimeSpan ShortDeferAfter = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_fast_answer_counts_one_answered_interaction_and_its_latency_without_deferral()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        using var interactions = harness.Rest.Meters.Collect<long>("bot.interactions");
        using var latency = harness.Rest.Meters.Collect<double>("bot.answer.duration");
        using var deferrals = harness.Rest.Meters.Collect<long>("bot.interactions.deferred");

        await harness.DispatchAsync(harness.NewCommand("ask"));

        var counted = Assert.Single(interactions.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("ask", counted.Tags["command"]);
        Assert.Equal("command", counted.Tags["type"]);
        Assert.Equal("answered", counted.Tags["outcome"]);
        var answered = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.InRange(answered.Value, 0, 10);
        Assert.Equal(false, answered.Tags["deferred"]);
        Assert.Empty(deferrals.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_slow_answer_counts_a_deferral_and_its_latency_until_the_edit()
    {
        // On a stepped fake clock: on the real one the deferral timer may fire a few microseconds before
        // the stopwatch that times the answer says DeferAfter has passed.
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter, time: new SteppedFakeTime());
        using var deferrals = harness.Rest.Meters.Collect<long>("bot.interactions.deferred");
        using var latency = harness.Rest.Meters.Collect<double>("bot.answer.duration");
        var incoming = harness.NewCommand("summary");
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return TestInteractionHandler.Reply("Later.");
        };

        await harness.AdvanceUntilAsync(harness.DispatchAsync(incoming), TimeSpan.FromMilliseconds(50));

        Assert.Equal("summary", Assert.Single(deferrals.GetMeasurementSnapshot()).Tags["command"]);
        var answered = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.Equal(true, answered.Tags["deferred"]);
        Assert.True(answered.Value >= ShortDeferAfter.TotalSeconds, $"latency {answered.Value} s is counted until the edit, past the deferral");
    }

    [Fact]
    public async Task Deferring_on_arrival_and_the_busy_reply_are_counted_apart()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await DispatcherHarness.StartAsync(TimeSpan.FromSeconds(1), clock, options =>
        {
            options.Workers = 1;
            options.MaxQueueDelay = TimeSpan.FromSeconds(1.5);
        });
        using var deferrals = harness.Rest.Meters.Collect<long>("bot.interactions.deferred");
        using var interactions = harness.Rest.Meters.Collect<long>("bot.interactions");
        var gate = new WorkGate();
        harness.Handler.Handle = async (interaction, cancellationToken) =>
        {
            await gate.PassAsync(interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            return TestInteractionHandler.Reply("Answer.");
        };

        // One answer that takes 0.6 s on the clock teaches admission how long a handler takes.
        var measured = harness.DispatchAsync(harness.NewCommand("ask"));
        await gate.WaitForEnteredAsync(1);
        clock.Advance(TimeSpan.FromSeconds(0.6));
        gate.Let();
        await measured;
        await DispatcherHarness.WaitUntilAsync(() => harness.Admission.Running == 0, "the handler's time was measured", admission: harness.Admission);

        var running = harness.DispatchAsync(harness.NewCommand("ask"));
        await gate.WaitForEnteredAsync(2);
        var deferredOnArrival = harness.DispatchAsync(harness.NewCommand("summary")); // expected after 1.2 s
        await DispatcherHarness.WaitUntilAsync(() => harness.Admission.Waiting == 1, "the second waits its turn", admission: harness.Admission);
        await harness.DispatchAsync(harness.NewCommand("search")); // expected after 1.8 s: busy, answered at once
        gate.Open();
        await Task.WhenAll(running, deferredOnArrival).WaitAsync(TimeSpan.FromSeconds(10));

        var deferral = Assert.Single(deferrals.GetMeasurementSnapshot());
        Assert.Equal("summary", deferral.Tags["command"]);
        Assert.Equal(true, deferral.Tags["on_arrival"]);
        var busy = Assert.Single(interactions.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "busy");
        Assert.Equal("search", busy.Tags["command"]);
        Assert.Equal(3, interactions.GetMeasurementSnapshot().Count(m => (string?)m.Tags["outcome"] == "answered"));
    }

    [Fact]
    public async Task An_interaction_picked_up_too_late_counts_as_a_missed_window_of_the_queue()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await DispatcherHarness.StartAsync(time: clock);
        using var interactions = harness.Rest.Meters.Collect<long>("bot.interactions");
        using var missed = harness.Rest.Meters.Collect<long>("bot.interactions.missed_window");
        using var latency = harness.Rest.Meters.Collect<double>("bot.answer.duration");
        var incoming = harness.NewCommand("ask");
        clock.Advance(TimeSpan.FromSeconds(4));

        await harness.DispatchAsync(incoming);

        Assert.Equal("missed", Assert.Single(interactions.GetMeasurementSnapshot()).Tags["outcome"]);
        var window = Assert.Single(missed.GetMeasurementSnapshot());
        Assert.Equal("queued", window.Tags["reason"]);
        Assert.Equal("ask", window.Tags["command"]);
        Assert.Empty(latency.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_failing_handler_counts_as_failed()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        using var interactions = harness.Rest.Meters.Collect<long>("bot.interactions");
        harness.Handler.Handle = (_, _) => throw new InvalidOperationException("broken");

        await harness.DispatchAsync(harness.NewCommand("ask"));

        Assert.Equal("failed", Assert.Single(interactions.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    [Fact]
    public async Task A_button_is_counted_under_the_command_that_owns_it_never_under_its_custom_id()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        using var interactions = harness.Rest.Meters.Collect<long>("bot.interactions");
        harness.Handler.Plan = _ => DeferralKind.UpdateMessage;
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(InteractionReply.UpdateMessage(new InteractionCallbackData { Content = "Page 2" }));

        await harness.DispatchAsync(harness.NewComponent("ask:m1:'who directed the film"));

        var counted = Assert.Single(interactions.GetMeasurementSnapshot());
        Assert.Equal("ask", counted.Tags["command"]);
        Assert.Equal("component", counted.Tags["type"]);
    }

    [Fact]
    public async Task Rest_requests_are_counted_by_route_template_and_status_never_by_id_or_token()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        using var requests = harness.Rest.Meters.Collect<long>("bot.rest.requests");
        var incoming = harness.NewCommand("ask");

        await harness.DispatchAsync(incoming);

        var callback = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("/interactions/{interaction_id}/{interaction_token}/callback", callback.Tags["route"]);
        Assert.Equal("POST", callback.Tags["method"]);
        Assert.Equal(Convert.ToString(harness.SingleCallback(incoming).Status, CultureInfo.InvariantCulture), callback.Tags["status"]);
        Assert.DoesNotContain(callback.Tags.Values, value => value?.ToString()?.Contains(incoming.Interaction.Token!, StringComparison.Ordinal) == true);
    }
}
