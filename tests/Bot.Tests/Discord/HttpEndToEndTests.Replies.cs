using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>
/// The reply policy over the HTTP endpoint: an answer too long for Discord is cut in the HTTP answer,
/// and a reply whose message must be known (pin:true) is deferred in the HTTP answer and completed by
/// <c>PATCH @original</c>, whose answer carries the message: nothing reads it back.
/// </summary>
public sealed partial class HttpEndToEndTests
{
    [Fact]
    public async Task An_answer_longer_than_an_embed_title_is_cut_at_a_word_in_the_http_answer()
    {
        var settings = Settings();
        settings["Knowledge__Folder"] = LongAnswerKnowledge.Create(_harness.Work);
        await using var bot = await _harness.StartReadyAsync(settings);

        var answer = await _harness.Delivery.DeliverAsync(Ask(LongAnswerKnowledge.Question));

        Assert.True(answer is { Status: 200, Acknowledged: true } && answer.ResponseType() == 4, $"expected a message Discord takes: {answer}\n{bot.Error}");
        var data = answer.Json()!["data"]!;
        LongAnswerKnowledge.AssertCutTitle((string)data["embeds"]![0]!["title"]!);
        Assert.Empty(MessageRules.Problems(data));
        Assert.Empty(OpenApiRequestCheck.Problems(AsCallback(answer)));
    }

    [Fact]
    public async Task Pin_true_is_deferred_in_the_http_answer_then_pinned_by_the_id_its_edit_returned()
    {
        await using var bot = await _harness.StartReadyAsync(Settings());
        var summary = InteractionPayloads.SlashCommand(_harness.Discord, "summary", [("topic", "Pastor Kim"), ("pin", true)], Bits.Member | Bits.PinMessages);

        var answer = await _harness.Delivery.DeliverAsync(summary);
        await _harness.Discord.WaitForRequestsAsync(1, "create_pin", Patience);

        Assert.True(answer is { Status: 200, Acknowledged: true } && answer.ResponseType() == 5, $"expected a deferral: {answer}\n{bot.Error}");
        Assert.Null(answer.Json()!["data"]); // public, as the summary is
        var edit = Assert.Single(_harness.Discord.RequestsTo(EditOriginal));
        Assert.Equal("Summary: Pastor Kim", (string?)JsonNode.Parse(edit.Body)!["embeds"]![0]!["title"]);
        var message = Assert.Single(_harness.Discord.MessagesTitled("Summary: Pastor Kim"));
        var pin = Assert.Single(_harness.Discord.RequestsTo("create_pin"));
        await _harness.Discord.WaitUntilAsync(() => pin.Status is not null, "the pin was answered", Patience);
        Assert.Equal($"/channels/{ConnectedBot.Channel.ToString(CultureInfo.InvariantCulture)}/messages/pins/{(string)message["id"]!}", pin.Path);
        Assert.Equal(204, pin.Status);
        Assert.True(edit.ResponseSequence < pin.Sequence, "pinned once the edit had answered with the message");
        Assert.Empty(_harness.Discord.RequestsTo("get_original_webhook_message"));
        Assert.Empty(_harness.Discord.RequestsTo("create_interaction_response"));
        Assert.Empty(OpenApiRequestCheck.Problems(AsCallback(answer)));
        Assert.Empty(OpenApiRequestCheck.Problems(_harness.Discord.Requests));
    }
}
