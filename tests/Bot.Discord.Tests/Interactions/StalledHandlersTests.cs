using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// What tells stuck handlers from idle or busy ones (the liveness probe's rule): an interaction has waited for
/// a handler longer than the limit and no handler finished anything in that time. The clock is fake.
/// </summary>
public sealed class StalledHandlersTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void An_interaction_arriving_after_a_long_idle_time_is_not_a_stall_until_it_has_waited_past_the_limit()
    {
        var clock = new FakeTimeProvider();
        var admission = new InteractionAdmission(Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Interactions = new InteractionOptions { Workers = 1 } }), clock);
        var never = new TaskCompletionSource<int>();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(admission.IsStalled(Limit));

        admission.Admit(new FairnessKey(1, 1), TimeSpan.Zero, _ => never.Task, CancellationToken.None);
        admission.Admit(new FairnessKey(1, 2), TimeSpan.Zero, _ => never.Task, CancellationToken.None);
        Assert.Equal(1, admission.Waiting);
        Assert.False(admission.IsStalled(Limit));

        clock.Advance(Limit + TimeSpan.FromSeconds(1));
        Assert.True(admission.IsStalled(Limit));
    }

    [Fact]
    public async Task Handlers_held_by_work_that_never_returns_are_stalled_and_recover_when_it_does()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await DispatcherHarness.StartAsync(time: clock, configure: options => options.Workers = 1);
        var queue = new InteractionQueue();
        var release = new TaskCompletionSource<InteractionReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = (_, _) =>
        {
            holding.TrySetResult();
            return new ValueTask<InteractionReply>(release.Task);
        };
        using var workers = new InteractionWorkers(
            queue,
            harness.Dispatcher,
            harness.Responder,
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Interactions = harness.Options }),
            new CapturingLogger<InteractionWorkers>());
        await workers.StartAsync(CancellationToken.None);

        await queue.Writer.WriteAsync(harness.NewCommand());
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queue.Writer.WriteAsync(harness.NewCommand());
        await DispatcherHarness.WaitUntilAsync(() => harness.Admission.Waiting == 1, "the second waits for the handler", admission: harness.Admission);
        clock.Advance(Limit - TimeSpan.FromSeconds(1));
        Assert.False(harness.Admission.IsStalled(Limit));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(harness.Admission.IsStalled(Limit));

        release.SetResult(TestInteractionHandler.Reply("At last."));
        await DispatcherHarness.WaitUntilAsync(() => harness.Admission.Waiting == 0 && workers.InFlight == 0, "the handler to finish and take the next one", admission: harness.Admission, workers: workers);
        Assert.False(harness.Admission.IsStalled(Limit));
        await workers.StopAsync(CancellationToken.None);
    }
}
