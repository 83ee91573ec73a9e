using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>
/// /summary through the real executable and the local Discord: the card, pin:true pinning the reply
/// through <c>PUT /channels/{id}/messages/pins/{message}</c> with the id the dispatcher delivered it
/// under (never read back), the Pin button, and every refusal (member or bot without PIN_MESSAGES,
/// Discord's 50013).
/// </summary>
public sealed class SummaryEndToEndTests : IAsyncLifetime
{
    private ConnectedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ConnectedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private LocalDiscordServer Discord => _bot.Discord;

    [Fact]
    public async Task Pin_true_pins_the_bots_reply_and_records_it()
    {
        var summary = InteractionPayloads.SlashCommand(Discord, "summary", [("topic", "Pastor Kim"), ("pin", true)], Bits.Member | Bits.PinMessages);

        var seen = await _bot.SendAsync(summary);

        Assert.False(seen.Ephemeral);
        var card = seen.Embed();
        Assert.Equal("Summary: Pastor Kim", (string?)card["title"]);
        Assert.Equal("Sources", (string?)card["fields"]![0]!["name"]);
        Assert.Empty(seen.CustomIds); // it is being pinned: no Pin button
        Assert.Empty(seen.Data["allowed_mentions"]!["parse"]!.AsArray());

        var pin = await _bot.WaitForAsync("create_pin");
        var message = Assert.Single(Discord.MessagesTitled("Summary: Pastor Kim"));
        Assert.Equal($"/channels/{ConnectedBot.Channel}/messages/pins/{(string)message["id"]!}", pin.Path);
        Assert.Equal(204, pin.Status);
        Assert.Equal("Summary pinned with /summary", Uri.UnescapeDataString(pin.Header("X-Audit-Log-Reason")!));

        // The id came with the reply (the callback's ?with_response=true): nothing read the message back.
        Assert.Contains("with_response=true", seen.Request.Query, StringComparison.Ordinal);
        Assert.True(seen.Request.ResponseSequence < pin.Sequence, "the reply was made before it was pinned");
        Assert.Empty(Discord.RequestsTo("get_original_webhook_message"));

        var pinned = await PinnedAsync(afterReplyTo: summary);
        Assert.Equal((ConnectedBot.Channel.ToString(CultureInfo.InvariantCulture), pin.Path.Split('/')[^1], "Pastor Kim"), (pinned.ChannelId, pinned.MessageId, pinned.Topic));
        Assert.Empty(Discord.RequestsTo("execute_webhook")); // no follow-up: the pin speaks for itself
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
    }

    [Theory]
    [InlineData(Bits.Member)]
    [InlineData(Bits.Member | Bits.ManageMessages)] // Manage Messages alone stopped allowing pins in 2026
    public async Task Pin_true_from_a_member_without_pin_messages_is_refused_privately_naming_it(ulong permissions)
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "summary", [("pin", true)], permissions));

        Assert.True(seen.Ephemeral);
        Assert.Contains("**Pin Messages**", seen.Content);

        // A member who may pin asks next, and that pin arrives: a pin for the refused one, whose work
        // would have begun first, would be there too (no sleep to wait for what should not come).
        var allowed = InteractionPayloads.SlashCommand(Discord, "summary", [("pin", true)], Bits.Member | Bits.PinMessages);
        var made = await _bot.SendAsync(allowed);
        var pin = await _bot.WaitForAsync("create_pin");
        Assert.Single(Discord.RequestsTo("create_pin"));
        Assert.False(made.Ephemeral);
        Assert.EndsWith("/" + (string)Discord.MessagesTitled(Bot.Commands.Summaries.SummaryCommand.WholeTitle)[^1]["id"]!, pin.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_true_where_the_bots_app_permissions_lack_pin_messages_says_what_to_grant()
    {
        var summary = InteractionPayloads.SlashCommand(Discord, "summary", [("pin", true)], Bits.Member | Bits.PinMessages);
        summary["app_permissions"] = Bits.Text(Bits.Bot & ~Bits.PinMessages);

        var seen = await _bot.SendAsync(summary);

        Assert.True(seen.Ephemeral);
        Assert.StartsWith("I can't pin the summary: I need the **Pin Messages** permission here.", seen.Content);
        Assert.Empty(Discord.RequestsTo("create_pin"));
    }

    [Fact]
    public async Task Pin_true_refused_by_discord_with_50013_tells_the_member_privately_what_to_grant()
    {
        Discord.DenyPermissionIn(ConnectedBot.Channel);
        var summary = InteractionPayloads.SlashCommand(Discord, "summary", [("pin", true)], Bits.Member | Bits.PinMessages);

        var seen = await _bot.SendAsync(summary);
        var pin = await _bot.WaitForAsync("create_pin");
        var notice = await _bot.WaitForAsync("execute_webhook", r => r.Path.Contains((string)summary["token"]!, StringComparison.Ordinal));

        Assert.False(seen.Ephemeral); // the summary itself was posted
        Assert.Equal(403, pin.Status);
        var followUp = JsonNode.Parse(notice.Body)!;
        Assert.Equal(64, (int)followUp["flags"]!);
        Assert.Contains("**Pin Messages**", (string?)followUp["content"]);
        Assert.Empty(await PinnedListAsync());
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
    }

    [Fact]
    public async Task The_summary_card_has_a_pin_button_that_pins_the_message_it_is_on()
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "summary"));
        Assert.False(seen.Ephemeral);
        Assert.Equal(["summary:pin:"], seen.CustomIds);

        var click = InteractionPayloads.ButtonClick(Discord, "summary:pin:");
        click["member"]!["permissions"] = Bits.Text(Bits.Member | Bits.PinMessages);
        var pressed = await _bot.SendAsync(click);

        Assert.True(pressed.Ephemeral);
        Assert.Contains("Pinned", pressed.Content);
        var pin = Assert.Single(Discord.RequestsTo("create_pin"));
        Assert.Equal($"/channels/{(string)click["channel_id"]!}/messages/pins/{(string)click["message"]!["id"]!}", pin.Path);
        Assert.Equal(204, pin.Status);
        Assert.Null((await PinnedAsync()).Topic);
    }

    [Fact]
    public async Task The_pin_button_refuses_a_member_without_pin_messages()
    {
        var click = InteractionPayloads.ButtonClick(Discord, "summary:pin:");
        click["member"]!["permissions"] = Bits.Text(Bits.Member | Bits.ManageMessages);

        var pressed = await _bot.SendAsync(click);

        Assert.True(pressed.Ephemeral);
        Assert.Equal("Only members with the **Pin Messages** permission can pin summaries.", pressed.Content);
        Assert.Empty(Discord.RequestsTo("create_pin"));
    }

    [Fact]
    public async Task The_pin_button_refused_by_discord_says_what_to_grant()
    {
        var click = InteractionPayloads.ButtonClick(Discord, "summary:pin:");
        click["member"]!["permissions"] = Bits.Text(Bits.Member | Bits.PinMessages);
        Discord.DenyPermissionIn(ulong.Parse((string)click["channel_id"]!, CultureInfo.InvariantCulture));

        var pressed = await _bot.SendAsync(click);

        Assert.True(pressed.Ephemeral);
        Assert.Contains("I need the **Pin Messages** permission here", pressed.Content);
        Assert.Equal(403, Assert.Single(Discord.RequestsTo("create_pin")).Status);
    }

    /// <summary>
    /// The one pinned summary bot.db holds. With <paramref name="afterReplyTo"/>, once the bot logs that the work
    /// after its reply to that interaction (pin:true's pin and record) is done; else at once (the Pin button
    /// records before it replies).
    /// </summary>
    private async Task<Bot.Commands.Summaries.PinnedSummary> PinnedAsync(JsonObject? afterReplyTo = null)
    {
        if (afterReplyTo is not null)
            await _bot.Process.WaitForLogAsync($"Interaction {(string)afterReplyTo["id"]!} (summary): the work after its reply is done", ConnectedBot.Patience);
        return Assert.Single(await PinnedListAsync());
    }

    private async Task<IReadOnlyList<Bot.Commands.Summaries.PinnedSummary>> PinnedListAsync()
    {
        using var database = new Bot.State.StateDatabase(Microsoft.Extensions.Options.Options.Create(new Bot.State.StateOptions { DataFolder = _bot.DataFolder }));
        var store = new Bot.State.Summaries.PinnedSummaryStore(database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.State.Summaries.PinnedSummaryStore>.Instance);
        return await store.ListAsync(ConnectedBot.Guild.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
    }
}
