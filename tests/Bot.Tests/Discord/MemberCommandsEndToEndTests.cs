using System.Text.Json.Nodes;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>One bot, started once for the members' commands below: the real executable on the local Discord's gateway.</summary>
public sealed class MemberCommandsBot : IAsyncLifetime
{
    internal ConnectedBot Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await ConnectedBot.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>
/// The members' commands end to end: a slash command or a button click dispatched over the
/// gateway, the callback the member would see asserted, and every request the bot sent checked
/// against Discord's API description.
/// </summary>
public sealed class MemberCommandsEndToEndTests(MemberCommandsBot fixture) : IClassFixture<MemberCommandsBot>
{
    private ConnectedBot Bot => fixture.Bot;

    [Fact]
    public async Task Search_pages_forward_with_its_next_button()
    {
        var first = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "search", [("query", "pastor kim")]));

        Assert.Equal(4, first.CallbackType);
        var text = Embeds(first.Data);
        Assert.Contains("**Pastor Kim", text);
        var next = Button(first.Data, "Next");

        var second = await Bot.SendAsync(Click(next));

        Assert.Equal(7, second.CallbackType); // the same message, now showing the next page
        Assert.NotEqual(text, Embeds(second.Data));
        AssertConforms();
    }

    [Fact]
    public async Task About_suggests_names_from_the_knowledge_as_the_member_types_and_describes_one()
    {
        var typing = InteractionPayloads.SlashCommand(Bot.Discord, "about", [("topic", "mad")]);
        typing["type"] = 4;
        typing["data"]!["options"]![0]!["focused"] = true;

        var suggestions = await Bot.SendAsync(typing);

        Assert.Equal(8, suggestions.CallbackType);
        var choices = suggestions.Data["choices"]!.AsArray().Select(c => (string)c!["name"]!).ToArray();
        Assert.InRange(choices.Length, 1, 25);
        Assert.Contains("Madeleine Gavin", choices);

        var about = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "about", [("topic", "Madeleine Gavin")]));

        Assert.Equal(4, about.CallbackType);
        Assert.Contains("Madeleine Gavin", Embeds(about.Data));
        AssertConforms();
    }

    [Fact]
    public async Task Sources_and_help_answer_privately()
    {
        var sources = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "sources"));
        var help = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "help"));

        Assert.True(sources.Ephemeral);
        Assert.Contains("Meet Pastor Kim Saving North Korean Defectors", Embeds(sources.Data) + sources.Content);
        Assert.True(help.Ephemeral);
        foreach (var command in new[] { "/ask", "/search", "/about", "/sources" })
            Assert.Contains(command, Embeds(help.Data) + help.Content);
        AssertConforms();
    }

    [Fact]
    public async Task A_private_answer_can_be_shared_and_more_passages_shown()
    {
        var answer = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "ask", [("question", "Who directed Beyond Utopia?"), ("private", true)]));

        Assert.True(answer.Ephemeral);
        Assert.Contains("Madeleine Gavin", Embeds(answer.Data));

        var shared = await Bot.SendAsync(Click(Button(answer.Data, "Share")));
        var more = await Bot.SendAsync(Click(Button(answer.Data, "More passages")));

        Assert.Equal(4, shared.CallbackType);
        Assert.False(shared.Ephemeral);
        Assert.Contains("Madeleine Gavin", Embeds(shared.Data));
        Assert.True(more.Ephemeral);
        Assert.NotEmpty(Embeds(more.Data));
        AssertConforms();
    }

    [Fact]
    public async Task A_question_the_knowledge_does_not_answer_gets_a_private_note_whose_button_shows_the_closest_passages()
    {
        var note = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "ask", [("question", "What is the salary of Pastor Kim?")]));

        Assert.Equal(4, note.CallbackType);
        Assert.True(note.Ephemeral);
        Assert.Contains("doesn't cover that question", note.Content);
        Assert.Empty(Embeds(note.Data));

        var closest = await Bot.SendAsync(Click(Button(note.Data, "Closest passages")));

        Assert.Equal(4, closest.CallbackType);
        Assert.True(closest.Ephemeral);
        Assert.Contains("does not answer your question", closest.Content);
        Assert.Contains("Pastor", Embeds(closest.Data));
        AssertConforms();
    }

    [Fact]
    public async Task Mentions_and_markdown_in_a_question_are_shown_not_acted_on()
    {
        var answer = await Bot.SendAsync(InteractionPayloads.SlashCommand(Bot.Discord, "ask", [("question", "@everyone <@&123> <@!123> **who** directed Beyond Utopia?")]));

        Assert.Empty(answer.Data["allowed_mentions"]!["parse"]!.AsArray());
        var everything = answer.Content + Embeds(answer.Data);
        Assert.DoesNotContain("@everyone", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("<@!123>", everything, StringComparison.Ordinal);
        AssertConforms();
    }

    private JsonObject Click(string customId) => InteractionPayloads.ButtonClick(Bot.Discord, customId);

    private void AssertConforms() => Assert.Empty(OpenApiRequestCheck.Problems(Bot.Discord.Requests));

    /// <summary>Every text of the message's embeds, as the member reads it (not JSON-escaped).</summary>
    private static string Embeds(JsonObject data) =>
        string.Join("\n", (data["embeds"]?.AsArray() ?? []).SelectMany(e => new[]
            {
                (string?)e!["title"], (string?)e["description"], (string?)e["footer"]?["text"],
            }
            .Concat((e["fields"]?.AsArray() ?? []).SelectMany(f => new[] { (string?)f!["name"], (string?)f["value"] }))
            .Where(t => t is not null)));

    private static string Button(JsonObject data, string label) =>
        (data["components"]?.AsArray() ?? [])
            .SelectMany(row => row!["components"]!.AsArray())
            .Where(b => ((string?)b!["label"])?.Contains(label, StringComparison.Ordinal) == true)
            .Select(b => (string)b!["custom_id"]!)
            .FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"No '{label}' button in {data.ToJsonString()}");
}
