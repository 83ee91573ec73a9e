using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests;

/// <summary>
/// The sentence model's slots: a question waiting for the model waits without a thread, the model calls
/// made while holding a slot use it, and nothing runs past the bound.
/// </summary>
public sealed class ModelSlotsTests
{
    [Fact]
    public async Task Work_holding_a_slot_embeds_in_it_without_waiting_for_another()
    {
        using var slots = new ModelSlots(1);

        // Synchronous model calls inside the work, as the answer engine makes them: with one slot,
        // taking a second would never return.
        var inferences = await slots.RunAsync(
            () =>
            {
                using (slots.Enter())
                using (slots.Enter())
                {
                    return Task.FromResult(2);
                }
            },
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, inferences);
        Assert.Equal(1, slots.Free);
    }

    [Fact]
    public async Task Waiting_for_a_slot_returns_to_the_caller_at_once_and_runs_no_more_than_the_bound()
    {
        using var slots = new ModelSlots(2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var peak = 0;

        // Every call returns its task on this one thread even though only two can have a slot: a caller
        // parked in a blocking wait would never let this loop reach the third.
        var questions = Enumerable.Range(0, 200).Select(_ => slots.RunAsync(
            async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await release.Task;
                Interlocked.Decrement(ref running);
                return now;
            },
            CancellationToken.None)).ToArray();

        Assert.All(questions, question => Assert.False(question.IsCompleted));
        Assert.Equal(0, slots.Free);
        release.SetResult();
        await Task.WhenAll(questions).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, peak);
        Assert.Equal(2, slots.Free);
    }

    [Fact]
    public async Task A_caller_without_a_slot_waits_for_one_to_be_given_back()
    {
        using var slots = new ModelSlots(1);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();
        var held = slots.RunAsync(
            async () =>
            {
                holding.SetResult();
                await release.Task;
                lock (order)
                {
                    order.Add("holder done");
                }

                return 0;
            },
            CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Index building, say: a thread of its own, no slot held.
        var builder = Task.Factory.StartNew(
            () =>
            {
                using (slots.Enter())
                {
                    lock (order)
                    {
                        order.Add("builder embeds");
                    }
                }
            },
            TaskCreationOptions.LongRunning);
        release.SetResult();
        await Task.WhenAll(held, builder).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["holder done", "builder embeds"], order);
    }

    [Fact]
    public async Task Work_left_running_after_its_turn_takes_a_slot_of_its_own()
    {
        using var slots = new ModelSlots(1);
        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aboutToEmbed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();
        Task? leftRunning = null;
        await slots.RunAsync(
            () =>
            {
                // Fire and forget: it still runs once the turn that started it is over.
                leftRunning = later.Task.ContinueWith(
                    _ =>
                    {
                        aboutToEmbed.SetResult();
                        using (slots.Enter())
                        {
                            lock (order)
                            {
                                order.Add("left-over work embeds");
                            }
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.LongRunning,
                    TaskScheduler.Default);
                return Task.FromResult(0);
            },
            CancellationToken.None);

        using (slots.Enter())
        {
            // Someone else has the only slot now: the left-over work must wait for it, not borrow the old turn's.
            later.SetResult();
            await aboutToEmbed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            lock (order)
            {
                order.Add("slot given back");
            }
        }

        await leftRunning!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["slot given back", "left-over work embeds"], order);
        Assert.Equal(1, slots.Free);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            Interlocked.CompareExchange(ref target, value, seen);
        }
    }
}
