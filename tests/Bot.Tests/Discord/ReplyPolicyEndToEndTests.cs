using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>
/// The dispatcher's reply policy through the real executable and the local Discord over the gateway:
/// an answer too long for Discord arrives cut, nothing the bot sends pings anyone, and a private reply
/// that is slow is deferred privately (the "thinking…" only the invoker sees).
/// </summary>
public sealed class ReplyPolicyEndToEndTests : IAsyncLifetime
{
    private ConnectedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ConnectedBot.StartAsync(LongAnswerKnowledge.Create);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private LocalDiscordServer Discord => _bot.Discord;

    [Fact]
    public async Task An_answer_longer_than_an_embed_title_arrives_cut_at_a_word_with_an_ellipsis()
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "ask", [("question", LongAnswerKnowledge.Question)]));

        LongAnswerKnowledge.AssertCutTitle((string)seen.Embed()["title"]!);
        Assert.Empty(MessageRules.Problems(seen.Data));
        Assert.InRange(seen.Request.Status ?? 0, 200, 204); // Discord took it
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
    }

    [Fact]
    public async Task Mentions_in_what_members_type_ping_nobody_in_any_message_the_bot_sends()
    {
        const string typed = "@everyone <@874955302502531078> <@&1213418270883971070> who directed Beyond Utopia?";
        await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "ask", [("question", typed)]));
        await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "ask", [("question", "@here what is the capital of Peru?")]));

        // A pin Discord refuses: the summary goes out, then a private note after it.
        Discord.DenyPermissionIn(ConnectedBot.Channel);
        var summary = InteractionPayloads.SlashCommand(Discord, "summary", [("pin", true)], Bits.Member | Bits.PinMessages);
        await _bot.SendAsync(summary);
        await _bot.WaitForAsync("execute_webhook", r => r.Path.Contains((string)summary["token"]!, StringComparison.Ordinal));

        var messages = Discord.Messages;
        Assert.True(messages.Count >= 4, string.Join('\n', messages));
        Assert.All(messages, m => Assert.False(LocalDiscordServer.Pinged(m), m.ToJsonString()));
        Assert.All(MessageBodies(), body => Assert.Equal("{\"parse\":[]}", body["allowed_mentions"]?.ToJsonString()));
    }

    [Fact]
    public async Task A_private_reply_that_is_slow_is_deferred_privately_then_completed()
    {
        var click = InteractionPayloads.ButtonClick(Discord, "summary:pin:");
        click["member"]!["permissions"] = Bits.Text(Bits.Member | Bits.PinMessages);
        var held = Discord.Hold("create_pin"); // the click's handler waits on Discord, past the deferral time

        await Discord.Gateway.DispatchInteractionAsync(click.ToJsonString());
        await held.Arrived.WaitAsync(ConnectedBot.Patience);
        var deferral = await _bot.WaitForAsync("create_interaction_response", r => r.Path.Contains($"/{(string)click["id"]!}/", StringComparison.Ordinal));
        held.Release();
        var edit = await _bot.WaitForAsync(DispatchEdit, r => r.Path.Contains((string)click["token"]!, StringComparison.Ordinal));

        var acknowledged = JsonNode.Parse(deferral.Body)!;
        Assert.Equal(5, (int)acknowledged["type"]!);
        Assert.Equal(64, (int)acknowledged["data"]!["flags"]!); // only the member sees "thinking…"
        Assert.Contains("Pinned", (string?)JsonNode.Parse(edit.Body)!["content"]);
        Assert.Equal(200, edit.Status);
        Assert.Empty(Discord.RequestsTo("delete_original_webhook_message")); // nothing public to take back
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
    }

    private const string DispatchEdit = "update_original_webhook_message";

    /// <summary>Every message body the bot sent: callbacks that carry a message (types 4 and 7), edits, follow-ups.</summary>
    private IEnumerable<JsonObject> MessageBodies()
    {
        foreach (var request in Discord.Requests)
        {
            var body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body) as JsonObject;
            if (request.Operation == "create_interaction_response" && (int?)body?["type"] is 4 or 7)
                yield return body!["data"]!.AsObject();
            else if (request.Operation is DispatchEdit or "execute_webhook" && body is not null)
                yield return body;
        }
    }
}
