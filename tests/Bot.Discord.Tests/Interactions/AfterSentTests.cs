using System.Globalization;
using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// A reply's after-send step (pinning it, say) gets the message the dispatcher delivered, however it
/// went out, without anything reading <c>@original</c> back; what the step says reaches the invoker
/// alone.
/// </summary>
public sealed class AfterSentTests
{
    private const string ReadBack = "get_original_webhook_message";
    private static readonly TimeSpan ShortDeferAfter = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_fast_reply_hands_its_step_the_message_the_callback_created()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand("summary");
        var step = new RecordingStep("Pinned.");
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(Card() with { AfterSent = step.RunAsync });

        await harness.DispatchAsync(incoming);
        var message = await step.Message;

        var callback = harness.SingleCallback(incoming);
        Assert.Equal("?with_response=true", callback.Query);
        Assert.Equal(200, callback.Status);
        Assert.Equal(MadeFor(harness, "Summary of the knowledge"), message.Id);
        Assert.Equal(LocalDiscordRoutes.InteractionChannelId, message.ChannelId);
        Assert.Empty(harness.Server.RequestsTo(ReadBack));
        await AssertPrivateNoteAsync(harness, incoming, "Pinned.");
    }

    [Fact]
    public async Task A_deferred_reply_hands_its_step_the_message_its_edit_returned()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewCommand("summary");
        var step = new RecordingStep(null);
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return Card() with { AfterSent = step.RunAsync };
        };

        await harness.DispatchAsync(incoming);
        var message = await step.Message;

        Assert.Equal(5, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        Assert.Equal("", harness.SingleCallback(incoming).Query); // a deferral makes no message worth asking for
        Assert.Equal(MadeFor(harness, "Summary of the knowledge"), message.Id);
        Assert.Single(harness.EditsOf(incoming));
        Assert.Empty(harness.Server.RequestsTo(ReadBack));
        Assert.Empty(harness.FollowupsOf(incoming)); // the step had nothing to say
    }

    [Fact]
    public async Task A_transport_whose_response_returns_nothing_defers_then_edits_to_learn_the_message()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand("summary");
        var step = new RecordingStep(null);
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(Card() with { AfterSent = step.RunAsync });

        await harness.Dispatcher.DispatchAsync(incoming, new NothingReturned(harness.Rest.Client), CancellationToken.None);
        var message = await step.Message;

        var deferral = harness.SingleCallback(incoming);
        Assert.Equal(5, DispatcherHarness.TypeOf(deferral));
        Assert.Null(DispatcherHarness.Body(deferral)["data"]); // public, as the card is
        var edit = Assert.Single(harness.EditsOf(incoming));
        Assert.Equal("Summary of the knowledge", (string?)DispatcherHarness.Body(edit)["embeds"]![0]!["title"]);
        Assert.Equal(MadeFor(harness, "Summary of the knowledge"), message.Id);
        Assert.Empty(harness.Server.RequestsTo(ReadBack));
    }

    [Fact]
    public async Task No_step_runs_for_a_private_reply_or_an_update()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var step = new RecordingStep("never");
        var ephemeral = harness.NewCommand("summary");
        harness.Handler.Plan = _ => DeferralKind.Ephemeral;
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(Card() with { AfterSent = step.RunAsync });
        await harness.DispatchAsync(ephemeral);
        var update = harness.NewComponent();
        harness.Handler.Plan = _ => DeferralKind.UpdateMessage;
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(InteractionReply.UpdateMessage(Card().Data) with { AfterSent = step.RunAsync });
        await harness.DispatchAsync(update);

        Assert.Equal(0, step.Runs);
        Assert.Equal(0, harness.Dispatcher.AfterSendRunning);
        Assert.Equal("", harness.SingleCallback(ephemeral).Query);
        Assert.Equal("", harness.SingleCallback(update).Query);
    }

    [Fact]
    public async Task A_step_still_running_is_cancelled_when_the_dispatcher_is_disposed()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand("summary");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(Card() with
        {
            AfterSent = async (_, cancellationToken) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancelled.SetResult();
                    throw;
                }

                return null;
            },
        });

        await harness.DispatchAsync(incoming);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.Dispatcher.DisposeAsync();

        Assert.True(cancelled.Task.IsCompleted, "the step saw its cancellation before the dispatcher was disposed");
        Assert.Equal(0, harness.Dispatcher.AfterSendRunning);
        Assert.Empty(harness.FollowupsOf(incoming));
    }

    private static InteractionReply Card() => InteractionReply.Message(new InteractionCallbackData
    {
        Embeds = [new Embed { Title = "Summary of the knowledge", Description = "**1.** Pastor Kim runs Caleb Mission." }],
    });

    /// <summary>The id of the one message the local Discord made with this embed title.</summary>
    private static ulong MadeFor(DispatcherHarness harness, string title) =>
        ulong.Parse((string)Assert.Single(harness.Server.MessagesTitled(title))["id"]!, CultureInfo.InvariantCulture);

    private static async Task AssertPrivateNoteAsync(DispatcherHarness harness, IncomingInteraction incoming, string content)
    {
        await harness.Server.WaitUntilAsync(() => harness.FollowupsOf(incoming).Any(f => f.Status is not null), "the step's note was sent");
        var note = Assert.Single(harness.FollowupsOf(incoming));
        var body = DispatcherHarness.Body(note);
        Assert.Equal(200, note.Status);
        Assert.Equal(content, (string?)body["content"]);
        Assert.Equal(64, (int)body["flags"]!);
        Assert.Equal("{\"parse\":[]}", body["allowed_mentions"]!.ToJsonString());
    }

    /// <summary>An after-send step that records the message it was given and says <paramref name="note"/>.</summary>
    private sealed class RecordingStep(string? note)
    {
        private readonly TaskCompletionSource<Message> _message = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public Task<Message> Message => _message.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public int Runs => Volatile.Read(ref _runs);

        public ValueTask<InteractionCallbackData?> RunAsync(Message message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            _message.TrySetResult(message);
            return ValueTask.FromResult(note is null ? null : new InteractionCallbackData { Content = note });
        }
    }

    /// <summary>Like the HTTP endpoint: the response reaches Discord, but nothing comes back (the callback without <c>with_response</c>).</summary>
    private sealed class NothingReturned(DiscordRestClient rest) : IInitialResponder
    {
        public bool ReturnsMessage => false;

        public async Task<InitialResponseResult> RespondAsync(Interaction interaction, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken) =>
            InitialResponseResult.From(await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken));
    }
}
