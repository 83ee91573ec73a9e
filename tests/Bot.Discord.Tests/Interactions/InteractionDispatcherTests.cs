using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Policy;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Tests.Interactions;

/// <summary>How a reply reaches the user: as the initial response when fast, after a deferral when slow.</summary>
public sealed class InteractionDispatcherTests
{
    private const string NothingParsed = "{\"parse\":[]}";
    private static readonly TimeSpan ShortDeferAfter = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_fast_reply_is_one_channel_message_callback_that_pings_nobody()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand();
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(TestInteractionHandler.Reply("@everyone Beyond Utopia won the Sundance audience award."));

        await harness.DispatchAsync(incoming);

        var callback = harness.SingleCallback(incoming);
        var body = DispatcherHarness.Body(callback);
        Assert.Equal(204, callback.Status);
        Assert.Equal(4, (int)body["type"]!);
        Assert.Equal("@everyone Beyond Utopia won the Sundance audience award.", (string?)body["data"]!["content"]);
        Assert.Equal(NothingParsed, body["data"]!["allowed_mentions"]!.ToJsonString());
        Assert.Null(body["data"]!["flags"]);
        Assert.Empty(harness.EditsOf(incoming));
        Assert.Equal(1, harness.Handler.HandleCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mentions_the_handler_allowed_are_still_not_parsed(bool slow)
    {
        await using var harness = await DispatcherHarness.StartAsync(slow ? ShortDeferAfter : null);
        var incoming = harness.NewCommand();
        harness.Handler.Handle = async (_, _) =>
        {
            if (slow)
                await harness.WaitForCallbackAsync(incoming);

            return InteractionReply.Message(new InteractionCallbackData
            {
                Content = "@everyone <@874955302502531078> <@&1213418270883971070>",
                AllowedMentions = new AllowedMentions { Parse = [AllowedMentionType.Everyone, AllowedMentionType.Users, AllowedMentionType.Roles], RepliedUser = true },
            });
        };

        await harness.DispatchAsync(incoming);

        var sent = slow ? Assert.Single(harness.EditsOf(incoming)) : harness.SingleCallback(incoming);
        var body = DispatcherHarness.Body(sent);
        var mentions = slow ? body["allowed_mentions"] : body["data"]!["allowed_mentions"];
        Assert.Equal(NothingParsed, mentions!.ToJsonString());
        Assert.InRange(sent.Status ?? 0, 200, 204);
    }

    [Fact]
    public async Task A_slow_reply_is_deferred_then_completed_by_editing_the_original()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewCommand();
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming); // slower than DeferAfter by construction, no fixed sleep
            return InteractionReply.Message(new InteractionCallbackData
            {
                Content = "It follows Pastor Kim's escape network.",
                Embeds = [new Embed { Title = "Beyond Utopia", Description = "2023 documentary" }],
            });
        };

        await harness.DispatchAsync(incoming);

        var callback = harness.SingleCallback(incoming);
        var deferral = DispatcherHarness.Body(callback);
        Assert.Equal(5, (int)deferral["type"]!);
        Assert.Null(deferral["data"]); // public: no ephemeral flag
        Assert.Equal(204, callback.Status);

        var edit = Assert.Single(harness.EditsOf(incoming));
        var body = DispatcherHarness.Body(edit);
        Assert.Equal(200, edit.Status);
        Assert.Equal($"/webhooks/{harness.Server.ApplicationId}/{incoming.Interaction.Token}/messages/@original", edit.Path);
        Assert.Equal("It follows Pastor Kim's escape network.", (string?)body["content"]);
        Assert.Equal("Beyond Utopia", (string?)body["embeds"]![0]!["title"]);
        Assert.Equal(NothingParsed, body["allowed_mentions"]!.ToJsonString());
        Assert.True(edit.Sequence > callback.ResponseSequence, "the edit is sent after the deferral was accepted");
    }

    [Fact]
    public async Task A_late_private_reply_after_a_public_deferral_replaces_the_placeholder_with_a_private_message()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewCommand();
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return InteractionReply.Message(new InteractionCallbackData { Content = "Only you can see this.", Flags = MessageFlags.Ephemeral });
        };

        await harness.DispatchAsync(incoming);

        Assert.Equal(5, DispatcherHarness.TypeOf(harness.SingleCallback(incoming)));
        Assert.Empty(harness.EditsOf(incoming));
        var delete = Assert.Single(harness.Server.RequestsTo("delete_original_webhook_message"));
        Assert.Equal(204, delete.Status);
        var followup = Assert.Single(harness.FollowupsOf(incoming));
        var body = DispatcherHarness.Body(followup);
        Assert.Equal("Only you can see this.", (string?)body["content"]);
        Assert.Equal(64, (int)body["flags"]!);
        Assert.Equal(NothingParsed, body["allowed_mentions"]!.ToJsonString());
        Assert.True(followup.Sequence > delete.Sequence, "the placeholder goes before the private answer arrives");
    }

    [Fact]
    public async Task An_ephemeral_plan_defers_with_the_ephemeral_flag()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewCommand("quiz");
        harness.Handler.Plan = _ => DeferralKind.Ephemeral;
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return InteractionReply.Message(new InteractionCallbackData { Content = "Only you can see this.", Flags = MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
        };

        await harness.DispatchAsync(incoming);

        var deferral = DispatcherHarness.Body(harness.SingleCallback(incoming));
        Assert.Equal(5, (int)deferral["type"]!);
        Assert.Equal(64, (int)deferral["data"]!["flags"]!);
        var edit = DispatcherHarness.Body(Assert.Single(harness.EditsOf(incoming)));
        Assert.Equal("Only you can see this.", (string?)edit["content"]);
        Assert.Equal(4, (int)edit["flags"]!); // an edit may only carry SuppressEmbeds / IsComponentsV2
    }

    [Fact]
    public async Task A_fast_reply_under_an_ephemeral_plan_is_ephemeral_too()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand("quiz");
        harness.Handler.Plan = _ => DeferralKind.Ephemeral;

        await harness.DispatchAsync(incoming);

        var body = DispatcherHarness.Body(harness.SingleCallback(incoming));
        Assert.Equal(4, (int)body["type"]!);
        Assert.Equal(64, (int)body["data"]!["flags"]!);
    }

    [Fact]
    public async Task A_fast_component_update_is_one_update_message_callback()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewComponent();
        harness.Handler.Plan = _ => DeferralKind.UpdateMessage;
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(InteractionReply.UpdateMessage(new InteractionCallbackData { Content = "Page 2 of 3" }));

        await harness.DispatchAsync(incoming);

        var callback = harness.SingleCallback(incoming);
        var body = DispatcherHarness.Body(callback);
        Assert.Equal(7, (int)body["type"]!);
        Assert.Equal("Page 2 of 3", (string?)body["data"]!["content"]);
        Assert.Equal(NothingParsed, body["data"]!["allowed_mentions"]!.ToJsonString());
        Assert.Equal(204, callback.Status);
        Assert.Empty(harness.EditsOf(incoming));
    }

    [Fact]
    public async Task A_slow_component_update_is_a_deferred_update_then_an_edit_of_the_original()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);
        var incoming = harness.NewComponent();
        harness.Handler.Plan = _ => DeferralKind.UpdateMessage;
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return InteractionReply.UpdateMessage(new InteractionCallbackData { Content = "Page 2 of 3", Components = [] });
        };

        await harness.DispatchAsync(incoming);

        var callback = harness.SingleCallback(incoming);
        Assert.Equal(6, DispatcherHarness.TypeOf(callback));
        Assert.Null(DispatcherHarness.Body(callback)["data"]);

        // On Discord this edits the message the button is on; the local Discord keeps no such message
        // (it answers 10008), so only what was sent is checked here.
        var edit = DispatcherHarness.Body(Assert.Single(harness.EditsOf(incoming)));
        Assert.Equal("Page 2 of 3", (string?)edit["content"]);
        Assert.Equal("[]", edit["components"]!.ToJsonString());
        Assert.Equal(NothingParsed, edit["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task Autocomplete_choices_go_out_as_one_result_of_at_most_25()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewAutocomplete();
        harness.Handler.Plan = _ => DeferralKind.None;
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(InteractionReply.Autocomplete(
            Enumerable.Range(1, 30).Select(i => new ApplicationCommandOptionChoice { Name = $"Film {i}", Value = $"film-{i}" }).ToArray()));

        await harness.DispatchAsync(incoming);

        var callback = harness.SingleCallback(incoming);
        var body = DispatcherHarness.Body(callback);
        Assert.Equal(8, (int)body["type"]!);
        Assert.Equal(25, body["data"]!["choices"]!.AsArray().Count);
        Assert.Equal("film-1", (string?)body["data"]!["choices"]![0]!["value"]);
        Assert.Equal(204, callback.Status);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewPing();

        await harness.DispatchAsync(incoming);

        Assert.Equal("{\"type\":1}", harness.SingleCallback(incoming).Body);
        Assert.Equal(0, harness.Handler.PlanCalls + harness.Handler.HandleCalls);
    }

    [Fact]
    public async Task The_http_path_gets_the_same_single_response_through_its_own_responder()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var responder = new RecordingResponder();
        var incoming = harness.NewCommand();

        await harness.Dispatcher.DispatchAsync(incoming, responder, CancellationToken.None);
        await harness.Dispatcher.DispatchAsync(harness.NewPing(), responder, CancellationToken.None);

        Assert.Collection(
            responder.Responses,
            first => Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, first.Type),
            second => Assert.Same(InteractionResponse.Pong, second));
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task Content_over_2000_characters_is_cut_rather_than_refused()
    {
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand();
        harness.Handler.Handle = (_, _) => ValueTask.FromResult(TestInteractionHandler.Reply(new string('a', 2500)));

        await harness.DispatchAsync(incoming);

        var callback = harness.SingleCallback(incoming);
        var content = (string)DispatcherHarness.Body(callback)["data"]!["content"]!;
        Assert.Equal(204, callback.Status);
        Assert.Equal(2000, content.Length);
        Assert.EndsWith("…", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 1998) + "🎬🎬";

        var cut = ReplyPolicy.Outgoing(new InteractionCallbackData { Content = text }).Content!;

        Assert.Equal(1999, cut.Length);
        Assert.Equal(new string('a', 1998) + "…", cut);
        Assert.Equal("short", ReplyPolicy.Outgoing(new InteractionCallbackData { Content = "short" }).Content);
    }

    [Fact]
    public async Task Without_an_application_id_in_the_interaction_the_configured_one_completes_the_deferral()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter, configure: options => options.ApplicationId = LocalApplicationId);
        var incoming = harness.New(InteractionType.ApplicationCommand, new InteractionData { Name = "ask" }, withApplicationId: false);
        harness.Handler.Handle = async (_, _) =>
        {
            await harness.WaitForCallbackAsync(incoming);
            return TestInteractionHandler.Reply("Answered late.");
        };

        await harness.DispatchAsync(incoming);

        var edit = Assert.Single(harness.EditsOf(incoming));
        Assert.Equal(200, edit.Status);
        Assert.StartsWith($"/webhooks/{LocalApplicationId}/", edit.Path, StringComparison.Ordinal);
    }

    private const ulong LocalApplicationId = 1459517128704131073;

    /// <summary>An HTTP-endpoint-like responder: keeps the response instead of calling Discord.</summary>
    private sealed class RecordingResponder : IInitialResponder
    {
        private readonly List<InteractionResponse> _responses = [];

        public IReadOnlyList<InteractionResponse> Responses
        {
            get
            {
                lock (_responses)
                {
                    return _responses.ToArray();
                }
            }
        }

        public bool ReturnsMessage => false;

        public Task<InitialResponseResult> RespondAsync(Interaction interaction, InteractionResponse response, bool returnMessage, CancellationToken cancellationToken)
        {
            lock (_responses)
            {
                _responses.Add(response);
            }

            return Task.FromResult(InitialResponseResult.Sent());
        }
    }
}
