using Bot.Discord.Interactions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// What tells stuck workers from idle or busy ones (the liveness probe's rule): an interaction has waited
/// longer than the limit and no worker finished anything in that time. The clock is fake.
/// </summary>
public sealed class WorkerProgressTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void An_interaction_arriving_after_a_long_idle_time_is_not_a_stall_until_it_has_waited_past_the_limit()
    {
        var clock = new FakeTimeProvider();
        var progress = new WorkerProgress(clock);
        var queue = new InteractionQueue();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(progress.IsStalled(queue, Limit));

        Assert.True(queue.Writer.TryWrite(new IncomingInteraction(new Models.Interactions.Interaction { Id = 1, Token = "t" }, clock.GetTimestamp())));
        Assert.False(progress.IsStalled(queue, Limit));

        clock.Advance(Limit + TimeSpan.FromSeconds(1));
        Assert.True(progress.IsStalled(queue, Limit));
    }

    [Fact]
    public async Task Workers_held_by_a_handler_that_never_returns_are_stalled_and_recover_when_it_does()
    {
        var clock = new FakeTimeProvider();
        await using var harness = await DispatcherHarness.StartAsync(time: clock);
        var queue = new InteractionQueue();
        var progress = new WorkerProgress(clock);
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
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Interactions = harness.Options with { Workers = 1 } }),
            new CapturingLogger<InteractionWorkers>(),
            progress);
        await workers.StartAsync(CancellationToken.None);

        var held = harness.NewCommand();
        await queue.Writer.WriteAsync(held);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queue.Writer.WriteAsync(harness.NewCommand());
        clock.Advance(Limit - TimeSpan.FromSeconds(1));
        Assert.False(progress.IsStalled(queue, Limit));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(progress.IsStalled(queue, Limit));

        release.SetResult(TestInteractionHandler.Reply("At last."));
        await DispatcherHarness.WaitUntilAsync(h => progress.InteractionFinished += h, h => progress.InteractionFinished -= h, () => queue.Count == 0 && workers.InFlight == 0, "the worker to finish and take the next one");
        Assert.False(progress.IsStalled(queue, Limit));
        await workers.StopAsync(CancellationToken.None);
    }
}
