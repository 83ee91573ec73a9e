using System.Globalization;
using Bot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Interactions;

/// <summary>The gateway path: interactions are taken from the queue as they come, answered, and what was taken is finished on stop.</summary>
public sealed class InteractionWorkersTests
{
    [Fact]
    public async Task Queued_interactions_are_answered_through_the_rest_callback()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var queue = new InteractionQueue();
        using var workers = Workers(harness, queue);
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(TestInteractionHandler.Reply("Answer"));
        await workers.StartAsync(CancellationToken.None);
        var interactions = Enumerable.Range(0, 5).Select(_ => harness.NewCommand()).ToArray();

        foreach (var incoming in interactions)
        {
            await queue.Writer.WriteAsync(incoming);
        }

        await harness.Server.WaitUntilAsync(() => interactions.All(i => harness.CallbacksTo(i).Any(c => c.Status == 204)), "every interaction was answered");
        await workers.StopAsync(CancellationToken.None);

        Assert.All(interactions, incoming => Assert.Equal("Answer", harness.DeliveredContent(incoming)));
        Assert.Equal(0, workers.InFlight);
    }

    [Fact]
    public async Task Several_handlers_run_at_once()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var queue = new InteractionQueue();
        using var workers = Workers(harness, queue);
        var running = 0;
        var allRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = async (interaction, cancellationToken) =>
        {
            if (Interlocked.Increment(ref running) == 3)
                allRunning.SetResult();

            await allRunning.Task.WaitAsync(cancellationToken); // none finishes until all three hold one
            return TestInteractionHandler.Reply("Answer to " + interaction.Id);
        };
        await workers.StartAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            await queue.Writer.WriteAsync(harness.NewCommand());
        }

        await allRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await workers.StopAsync(CancellationToken.None);

        Assert.Equal(3, harness.Server.RequestsTo(DispatcherHarness.CallbackOperation).Count(c => c.Status == 204));
    }

    [Fact]
    public async Task Stopping_finishes_the_interactions_already_taken_and_takes_no_more()
    {
        // One handler at a time: the second interaction is taken but waits for its turn behind the first.
        await using var harness = await DispatcherHarness.StartAsync(configure: options => options.Workers = 1);
        var queue = new InteractionQueue();
        var logs = new CapturingLogger<InteractionWorkers>();
        using var workers = Workers(harness, queue, logs);
        var running = harness.NewCommand("slow");
        var waiting = harness.NewCommand("queued");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = async (interaction, _) =>
        {
            started.TrySetResult();
            await release.Task;
            return TestInteractionHandler.Reply("Finished during shutdown.");
        };
        await workers.StartAsync(CancellationToken.None);
        await queue.Writer.WriteAsync(running);
        await queue.Writer.WriteAsync(waiting);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await DispatcherHarness.WaitUntilAsync(() => workers.InFlight == 2, "both were taken", workers: workers);

        var stop = workers.StopAsync(CancellationToken.None);
        var releasedWhenStopped = stop.ContinueWith(_ => release.Task.IsCompleted, TaskScheduler.Default);
        await DispatcherHarness.WaitUntilAsync(h => logs.Logged += h, h => logs.Logged -= h, () => logs.Entries.Any(e => e.Message.Contains("finishing 2 interactions already taken", StringComparison.Ordinal)), "stop began waiting");
        var late = harness.NewCommand("after stop");
        await queue.Writer.WriteAsync(late);

        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await releasedWhenStopped, "stop waits for the interactions in flight");

        Assert.Equal("Finished during shutdown.", harness.DeliveredContent(running));
        Assert.Equal("Finished during shutdown.", harness.DeliveredContent(waiting));
        Assert.Empty(harness.CallbacksTo(late));
        Assert.Equal(2, harness.Handler.HandleCalls);
        Assert.Equal(1, queue.Reader.Count);
        Assert.Equal(0, workers.InFlight);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("1 interactions still queued", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_shutdown_timeout_runs_out_the_interaction_in_flight_is_cancelled()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var queue = new InteractionQueue();
        var logs = new CapturingLogger<InteractionWorkers>();
        using var workers = Workers(harness, queue, logs);
        var incoming = harness.NewCommand("hangs");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = async (_, cancellationToken) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                handlerCancelled.TrySetResult();
                throw;
            }

            return TestInteractionHandler.Reply("never");
        };
        await workers.StartAsync(CancellationToken.None);
        await queue.Writer.WriteAsync(incoming);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await workers.StopAsync(shutdownTimeout.Token).WaitAsync(TimeSpan.FromSeconds(10));

        await handlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await DispatcherHarness.WaitUntilAsync(h => workers.InteractionFinished += h, h => workers.InteractionFinished -= h, () => workers.InFlight == 0, "the worker let go of the interaction");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(incoming.Interaction.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_worker_keeps_serving_after_an_interaction_that_failed()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var queue = new InteractionQueue();
        using var workers = Workers(harness, queue);
        harness.Handler.Handle = (interaction, _) => interaction.Data?.Name == "broken"
            ? throw new InvalidOperationException("broken command")
            : ValueTask.FromResult(TestInteractionHandler.Reply("Fine."));
        await workers.StartAsync(CancellationToken.None);
        var broken = harness.NewCommand("broken");
        var fine = harness.NewCommand("fine");

        await queue.Writer.WriteAsync(broken);
        await queue.Writer.WriteAsync(fine);
        await harness.Server.WaitUntilAsync(() => harness.CallbacksTo(fine).Any(c => c.Status == 204), "the next interaction was answered");
        await workers.StopAsync(CancellationToken.None);

        Assert.Equal(InteractionDispatcher.ErrorMessage, harness.DeliveredContent(broken));
        Assert.Equal("Fine.", harness.DeliveredContent(fine));
    }

    private static InteractionWorkers Workers(DispatcherHarness harness, InteractionQueue queue, CapturingLogger<InteractionWorkers>? logs = null) =>
        new(
            queue,
            harness.Dispatcher,
            harness.Responder,
            Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Interactions = harness.Options }),
            logs ?? new CapturingLogger<InteractionWorkers>());
}
