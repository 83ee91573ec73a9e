using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Interactions;

/// <summary>Exactly one initial callback per interaction, when the reply and the deferral timer arrive together.</summary>
public sealed class InitialResponseRaceTests
{
    [Fact]
    public void Of_many_threads_claiming_the_initial_response_exactly_one_wins()
    {
        for (var round = 0; round < 200; round++)
        {
            var gate = new InitialResponseGate();
            var winners = 0;
            using var start = new Barrier(8);
            var types = new[] { InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackType.DeferredChannelMessageWithSource };
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                if (gate.TryBegin(types[i % 2]))
                {
                    Interlocked.Increment(ref winners);
                    gate.Complete(delivered: true);
                }
            })).ToArray();

            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            Assert.Equal(1, winners);
            Assert.Equal(InitialResponseState.Sent, gate.State);
            Assert.Contains(gate.Type, types);
        }
    }

    [Fact]
    public void The_gate_moves_one_way()
    {
        var gate = new InitialResponseGate();
        Assert.Equal(InitialResponseState.NotSent, gate.State);
        Assert.Throws<InvalidOperationException>(() => gate.Complete(delivered: true));

        Assert.True(gate.TryBegin(InteractionCallbackType.DeferredUpdateMessage));
        Assert.Equal(InitialResponseState.Sending, gate.State);
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, gate.Type);
        Assert.False(gate.TryBegin(InteractionCallbackType.ChannelMessageWithSource));

        gate.Complete(delivered: false);
        Assert.Equal(InitialResponseState.Failed, gate.State);
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, gate.Type);
        Assert.False(gate.TryBegin(InteractionCallbackType.ChannelMessageWithSource));
        Assert.Throws<InvalidOperationException>(() => gate.Complete(delivered: true));
    }

    [Fact]
    public async Task Replies_finishing_around_defer_after_each_get_exactly_one_initial_callback()
    {
        var deferAfter = TimeSpan.FromMilliseconds(150);
        await using var harness = await DispatcherHarness.StartAsync(deferAfter);
        harness.Handler.Handle = async (interaction, cancellationToken) =>
        {
            // From 141 to 159 ms: some just before the deferral timer, some just after, some with it.
            var offset = (int)(interaction.Id % 7) - 3;
            await Task.Delay(deferAfter + TimeSpan.FromMilliseconds(offset * 3), cancellationToken);
            return TestInteractionHandler.Reply("Answer to " + interaction.Id);
        };
        var interactions = Enumerable.Range(0, 60).Select(_ => harness.NewCommand()).ToArray();

        await Task.WhenAll(interactions.Select(incoming => harness.DispatchAsync(incoming))).WaitAsync(TimeSpan.FromSeconds(30));

        AssertEachAnsweredOnce(harness, interactions);
    }

    [Fact]
    public async Task A_reply_due_at_the_same_instant_as_the_deferral_gets_exactly_one_initial_callback()
    {
        // On a fake clock both timers fire in one Advance: the reply and the deferral are due together,
        // and which one the dispatcher sees first is up to the thread pool.
        var clock = new FakeTimeProvider();
        var deferAfter = TimeSpan.FromSeconds(1);
        await using var harness = await DispatcherHarness.StartAsync(deferAfter, clock);
        var interactions = new List<IncomingInteraction>();

        for (var round = 0; round < 40; round++)
        {
            var delayStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            harness.Handler.Handle = async (interaction, cancellationToken) =>
            {
                var delay = Task.Delay(deferAfter, clock, cancellationToken);
                delayStarted.SetResult();
                await delay;
                return TestInteractionHandler.Reply("Answer to " + interaction.Id);
            };
            var incoming = harness.NewCommand();
            interactions.Add(incoming);

            // The dispatcher's timer is set before DispatchAsync first yields; the handler's once it signals.
            var dispatch = harness.DispatchAsync(incoming);
            await delayStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            clock.Advance(deferAfter);
            await dispatch.WaitAsync(TimeSpan.FromSeconds(10));
        }

        AssertEachAnsweredOnce(harness, interactions);
    }

    private static void AssertEachAnsweredOnce(DispatcherHarness harness, IReadOnlyList<IncomingInteraction> interactions)
    {
        Assert.DoesNotContain(harness.Server.Requests, r => r.Status == 400 || r.Status == 404);
        foreach (var incoming in interactions)
        {
            var callback = harness.SingleCallback(incoming);
            Assert.Equal(204, callback.Status);
            var expected = "Answer to " + incoming.Interaction.Id;
            var body = DispatcherHarness.Body(callback);
            switch ((int)body["type"]!)
            {
                case 4:
                    Assert.Equal(expected, (string?)body["data"]!["content"]);
                    Assert.Empty(harness.EditsOf(incoming));
                    break;
                case 5:
                    var edit = Assert.Single(harness.EditsOf(incoming));
                    Assert.Equal(200, edit.Status);
                    Assert.Equal(expected, (string?)DispatcherHarness.Body(edit)["content"]);
                    break;
                default:
                    Assert.Fail($"Unexpected initial callback {callback.Body}");
                    break;
            }
        }
    }
}
