using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Policy;
using Bot.Discord.Local;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Serialization;

namespace Bot.Discord.Tests.Interactions.Policy;

/// <summary>
/// Whatever a handler builds, the message that goes out is one Discord takes (checked with the local
/// Discord's own rules, not the policy's), pings nobody, and is as visible as planned.
/// </summary>
public class ReplyPolicyTests
{
    [Fact]
    public void A_message_within_limits_goes_out_as_it_is_but_pinging_nobody()
    {
        var data = new InteractionCallbackData
        {
            Content = "Hello <@874955302502531078>",
            Embeds = [new Embed { Title = "Title", Description = "Text", Footer = new EmbedFooter { Text = "Source: x" }, Url = "https://example.org/a", Fields = [new EmbedField { Name = "Name", Value = "Value", Inline = true }] }],
            Components = [Component.ActionRow(Component.Button(ButtonStyle.Primary, "Next", "vote:next"))],
            AllowedMentions = new AllowedMentions { Parse = [AllowedMentionType.Users, AllowedMentionType.Everyone] },
        };

        var sent = ReplyPolicy.Outgoing(data);

        Assert.Equal(data.Content, sent.Content);
        Assert.Equal(Json(data with { AllowedMentions = null })["embeds"]!.ToJsonString(), Json(sent)["embeds"]!.ToJsonString());
        Assert.Equal(Json(data)["components"]!.ToJsonString(), Json(sent)["components"]!.ToJsonString());
        Assert.Equal("{\"parse\":[]}", Json(sent)["allowed_mentions"]!.ToJsonString());
        Assert.Empty(MessageRules.Problems(Json(sent)));
    }

    [Fact]
    public void Huge_texts_fifty_buttons_and_forty_fields_are_cut_to_the_limits_at_word_boundaries()
    {
        var data = new InteractionCallbackData
        {
            Content = Words(5000),
            Embeds = [new Embed
            {
                Title = Words(1000),
                Description = Words(10_000),
                Footer = new EmbedFooter { Text = Words(3000) },
                Fields = Enumerable.Range(0, 40).Select(i => new EmbedField { Name = Words(400), Value = Words(3000) }).ToArray(),
            }],
            Components = Enumerable.Range(0, 10)
                .Select(r => Component.ActionRow(Enumerable.Range(0, 5).Select(i => Component.Button(ButtonStyle.Secondary, Words(120), $"vote:{r * 5 + i}")).ToArray()))
                .ToArray(),
        };

        var sent = ReplyPolicy.Outgoing(data);

        Assert.Empty(MessageRules.Problems(Json(sent)));
        Assert.EndsWith("…", sent.Content, StringComparison.Ordinal);
        Assert.StartsWith(sent.Content![..^1].TrimEnd(), data.Content, StringComparison.Ordinal);
        Assert.Equal(25, sent.Embeds![0].Fields!.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"vote:{i}"), sent.Components!.SelectMany(r => r.Components!).Select(b => b.CustomId));
    }

    [Fact]
    public void Short_parts_survive_whole_while_a_huge_description_gives_way()
    {
        var fields = Enumerable.Range(0, 10).Select(i => new EmbedField { Name = $"Field {i}", Value = Words(300) }).ToArray();
        var data = new InteractionCallbackData
        {
            Embeds = [new Embed { Title = "Answer", Description = Words(4096), Footer = new EmbedFooter { Text = "Source: article > section" }, Fields = fields }],
        };

        var embed = Assert.Single(ReplyPolicy.Outgoing(data).Embeds!);

        Assert.Equal("Answer", embed.Title);
        Assert.Equal("Source: article > section", embed.Footer!.Text);
        Assert.Equal(fields, embed.Fields);
        Assert.EndsWith("…", embed.Description, StringComparison.Ordinal);
        Assert.Empty(MessageRules.Problems(Json(new InteractionCallbackData { Embeds = [embed] })));
    }

    [Fact]
    public void Buttons_whose_clicks_could_not_be_routed_are_dropped_and_blank_labels_mended()
    {
        var data = new InteractionCallbackData
        {
            Content = "Pick",
            Components =
            [
                Component.ActionRow(
                    Component.Button(ButtonStyle.Secondary, "Fine", "vote:a"),
                    Component.Button(ButtonStyle.Secondary, "Same id", "vote:a"),
                    Component.Button(ButtonStyle.Secondary, "No id", ""),
                    Component.Button(ButtonStyle.Secondary, "Too long", "vote:" + new string('x', 100)),
                    Component.Button(ButtonStyle.Secondary, " ", "vote:b")),
            ],
        };

        var buttons = ReplyPolicy.Outgoing(data).Components!.Single().Components!;

        Assert.Equal(["vote:a", "vote:b"], buttons.Select(b => b.CustomId));
        Assert.Equal("…", buttons[1].Label);
    }

    [Fact]
    public void A_message_left_with_nothing_to_show_says_an_ellipsis_and_bad_parts_are_mended()
    {
        var empty = ReplyPolicy.Outgoing(new InteractionCallbackData { Embeds = [new Embed { Title = "  " }] });
        var mended = ReplyPolicy.Outgoing(new InteractionCallbackData { Embeds = [new Embed { Url = "javascript:alert(1)", Fields = [new EmbedField { Name = "", Value = " " }] }] });

        Assert.Equal("…", empty.Content);
        Assert.Empty(empty.Embeds!);
        Assert.Null(mended.Embeds![0].Url);
        Assert.Empty(MessageRules.Problems(Json(empty)));
        Assert.Empty(MessageRules.Problems(Json(mended)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Any_random_message_goes_out_within_every_limit(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 200; run++)
        {
            var sent = ReplyPolicy.Outgoing(RandomMessage(random));

            var json = Json(sent);
            Assert.Empty(MessageRules.Problems(json));
            Assert.False(string.IsNullOrEmpty(sent.Content) && sent.Embeds is not { Count: > 0 } && sent.Components is not { Count: > 0 }, "the message is empty");
            Assert.DoesNotContain(Texts(json), TextChecks.HasBrokenSurrogate);
        }
    }

    [Fact]
    public void Every_kind_of_send_parses_no_mentions()
    {
        var data = new InteractionCallbackData
        {
            Content = "@everyone <@874955302502531078>",
            AllowedMentions = new AllowedMentions { Parse = [AllowedMentionType.Everyone, AllowedMentionType.Users, AllowedMentionType.Roles] },
        };

        Assert.All(
            new[]
            {
                ReplyPolicy.InitialResponse(DeferralKind.Public, InteractionReply.Message(data)).Data!.AllowedMentions,
                ReplyPolicy.InitialResponse(DeferralKind.UpdateMessage, InteractionReply.UpdateMessage(data)).Data!.AllowedMentions,
                ReplyPolicy.Edit(data).AllowedMentions,
                ReplyPolicy.EphemeralFollowUp(data).AllowedMentions,
                ReplyPolicy.ErrorMessage.AllowedMentions,
            },
            mentions => Assert.Equal(AllowedMentions.None, mentions));
    }

    [Fact]
    public void An_ephemeral_plan_defers_ephemerally_and_makes_a_fast_reply_ephemeral_too()
    {
        var reply = InteractionReply.Message(new InteractionCallbackData { Content = "Only you see this." });

        Assert.Equal(MessageFlags.Ephemeral, ReplyPolicy.Deferral(DeferralKind.Ephemeral).Data!.Flags);
        Assert.Null(ReplyPolicy.Deferral(DeferralKind.Public).Data);
        Assert.Equal(MessageFlags.Ephemeral, ReplyPolicy.InitialResponse(DeferralKind.Ephemeral, reply).Data!.Flags);
        Assert.Null(ReplyPolicy.InitialResponse(DeferralKind.Public, reply).Data!.Flags);
        Assert.Equal(MessageFlags.Ephemeral, ReplyPolicy.EphemeralFollowUp(reply.Data).Flags);
    }

    [Fact]
    public void Suggestions_are_cut_to_discords_limits()
    {
        var choices = Enumerable.Range(0, 40)
            .Select(i => Choice(new string('n', 90 + i), i == 3 ? new string('v', 101) : $"value {i}"))
            .Append(Choice("", "blank name"))
            .Prepend(Choice("empty value", ""))
            .ToArray();

        var response = ReplyPolicy.InitialResponse(DeferralKind.None, InteractionReply.Autocomplete(choices));

        var fitted = response.Data!.Choices!;
        Assert.Equal(25, fitted.Count);
        Assert.DoesNotContain(fitted, c => c.Name == "empty value" || c.Value == OptionValue.FromString(new string('v', 101)));
        Assert.Equal("blank name", ReplyPolicy.Choices([Choice(" ", "blank name")]).Single().Name);
        Assert.Empty(MessageRules.ChoiceProblems(JsonSerializer.SerializeToNode(response, DiscordJson.Default.InteractionResponse)!["data"]!["choices"]));
    }

    private static ApplicationCommandOptionChoice Choice(string name, string value) => new() { Name = name, Value = OptionValue.FromString(value) };

    private static JsonNode Json(InteractionCallbackData data) => JsonSerializer.SerializeToNode(data, DiscordJson.Default.InteractionCallbackData)!;

    /// <summary>Every string in the message's JSON.</summary>
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static InteractionCallbackData RandomMessage(Random random)
    {
        string? Text(int max) => random.Next(6) == 0 ? null : random.Next(8) == 0 ? "   " : RandomText(random, random.Next(0, max));
        return new InteractionCallbackData
        {
            Content = Text(6000),
            Embeds = Enumerable.Range(0, random.Next(0, 15)).Select(_ => new Embed
            {
                Title = Text(600),
                Description = Text(9000),
                Footer = random.Next(3) == 0 ? null : new EmbedFooter { Text = Text(4000) ?? "" },
                Author = random.Next(3) == 0 ? null : new EmbedAuthor { Name = Text(400) ?? "" },
                Url = random.Next(2) == 0 ? "https://example.org/" + random.Next() : Text(30),
                Fields = Enumerable.Range(0, random.Next(0, 40)).Select(_ => new EmbedField { Name = Text(500) ?? "", Value = Text(2500) ?? "", Inline = random.Next(2) == 0 }).ToArray(),
            }).ToArray(),
            Components = Enumerable.Range(0, random.Next(0, 9))
                .Select(_ => Component.ActionRow(Enumerable.Range(0, random.Next(0, 8))
                    .Select(_ => Component.Button((ButtonStyle)random.Next(0, 5), Text(150) ?? "", "b:" + random.Next(0, 40) + new string('x', random.Next(0, 110))))
                    .ToArray()))
                .ToArray(),
        };
    }

    private static string Words(int length) => RandomText(new Random(length), length);

    private static string RandomText(Random random, int length)
    {
        string[] words = ["word", "longer", "😀", "a", "sentence.", "Discord", "北朝鮮", "\n", "end!"];
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
            text.Append(words[random.Next(words.Length)]).Append(' ');
        var cut = Math.Min(length, text.Length);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text.ToString(0, cut);
    }
}
