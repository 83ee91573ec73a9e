using Bot.Commands.Tests.Support;
using Bot.Commands.Trivia;
using Bot.Knowledge.Trivia;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Commands.Tests;

/// <summary>/trivia over the shipped knowledge: the question's buttons, the private feedback, and scoring.</summary>
public class TriviaCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private TriviaGenerator Generator => knowledge.Services.GetRequiredService<TriviaGenerator>();

    [Fact]
    public void Trivia_has_play_and_leaderboard_subcommands()
    {
        var definition = knowledge.Catalog.Find("trivia")!.Definition;

        Assert.Equal(["play", "leaderboard"], definition.Subcommands.Select(s => s.Name));
        Assert.Empty(definition.Options);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(123456)]
    public async Task Play_shows_the_question_with_four_buttons_carrying_its_id_and_the_option(int seed)
    {
        var question = Generator.Generate(seed)!;
        var command = new TriviaCommand(Generator, seeds: () => seed);

        var reply = await command.ExecuteAsync(knowledge.Context("trivia") with { Subcommand = "play" }, CancellationToken.None);

        Assert.False(reply.Ephemeral);
        ReplyAssert.WithinDiscordLimits(reply);
        ReplyAssert.PingsNobody(reply);
        Assert.Equal(4, reply.Buttons.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal($"trivia:a:{question.Id}:{i}", reply.Buttons[i].CustomId);
            Assert.True(reply.Buttons[i].CustomId.Length <= 100);
            Assert.EndsWith(question.Options[i], reply.Buttons[i].Label);
        }

        var card = Assert.Single(reply.Embeds);
        Assert.Contains(@"\_\_\_\_\_", card.Description); // the blank, not read as Markdown
    }

    [Fact]
    public async Task Each_play_draws_a_new_seed()
    {
        var seeds = new Queue<int>([5, 6, 7, 8]);
        var command = new TriviaCommand(Generator, seeds: () => seeds.Dequeue());

        for (var i = 0; i < 4; i++)
            await command.ExecuteAsync(knowledge.Context("trivia") with { Subcommand = "play" }, CancellationToken.None);

        Assert.Empty(seeds);
    }

    [Fact]
    public async Task The_right_button_says_right_with_the_answer_and_its_source_privately_and_scores_a_point()
    {
        var scores = new InMemoryTriviaScores();
        var command = new TriviaCommand(Generator, scores);
        var question = Generator.Generate(42)!;

        var reply = await command.HandleComponentAsync(Click(TriviaCommand.AnswerId(question.Id, question.RightIndex), "100"), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.StartsWith("✅ Right", reply.Content);
        Assert.Contains($"**{Bot.Commands.Replies.Markdown.Escape(question.Answer)}**", reply.Content);
        Assert.Contains("1 point", reply.Content);
        var source = Assert.Single(reply.Embeds);
        Assert.Equal("> " + question.Source.Text, source.Description);
        Assert.Equal("Source: " + question.Source.Citation, source.Footer);
        Assert.Equal([new TriviaScore("100", 1, 1)], await scores.TopAsync("42", 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_button_says_wrong_and_shows_the_right_answer_without_a_point()
    {
        var scores = new InMemoryTriviaScores();
        var command = new TriviaCommand(Generator, scores);
        var question = Generator.Generate(43)!;
        var wrong = (question.RightIndex + 1) % 4;

        var reply = await command.HandleComponentAsync(Click(TriviaCommand.AnswerId(question.Id, wrong), "100"), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.StartsWith("❌", reply.Content);
        Assert.Contains($"the answer is **{Bot.Commands.Replies.Markdown.Escape(question.Answer)}**", reply.Content);
        Assert.Empty(await scores.TopAsync("42", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Only_a_members_first_answer_counts_so_clicking_every_option_earns_nothing_more()
    {
        var scores = new InMemoryTriviaScores();
        var command = new TriviaCommand(Generator, scores);
        var question = Generator.Generate(44)!;
        var wrong = (question.RightIndex + 1) % 4;

        await command.HandleComponentAsync(Click(TriviaCommand.AnswerId(question.Id, wrong), "100"), CancellationToken.None);
        var again = await command.HandleComponentAsync(Click(TriviaCommand.AnswerId(question.Id, question.RightIndex), "100"), CancellationToken.None);
        var other = await command.HandleComponentAsync(Click(TriviaCommand.AnswerId(question.Id, question.RightIndex), "200"), CancellationToken.None);

        Assert.Contains("already answered", again.Content);
        Assert.Contains("it was wrong", again.Content);
        Assert.StartsWith("✅", other.Content);
        Assert.Equal([new TriviaScore("200", 1, 1)], await scores.TopAsync("42", 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_hundred_members_clicking_at_once_all_score()
    {
        var scores = new InMemoryTriviaScores();
        var command = new TriviaCommand(Generator, scores);
        var question = Generator.Generate(45)!;
        var right = TriviaCommand.AnswerId(question.Id, question.RightIndex);

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(async () => await command.HandleComponentAsync(Click(right, $"{1000 + i}"), CancellationToken.None))));

        Assert.All(replies, r => Assert.StartsWith("✅", r.Content));
        var top = await scores.TopAsync("42", 100, CancellationToken.None);
        Assert.Equal(100, top.Count);
        Assert.All(top, s => Assert.Equal(1, s.Points));
    }

    [Theory]
    [InlineData("trivia:a:nonsense:1")]
    [InlineData("trivia:a:00000000.0.0.0.1.abcdef:1")]
    [InlineData("trivia:a::1")]
    [InlineData("trivia:a:x:9")]
    [InlineData("trivia:")]
    public async Task A_forged_or_outdated_button_scores_nothing_and_says_so(string customId)
    {
        var scores = new InMemoryTriviaScores();
        var command = new TriviaCommand(Generator, scores);

        var reply = await command.HandleComponentAsync(Click(customId, "100"), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(TriviaCommand.ExpiredText, reply.Content);
        Assert.Empty(await scores.TopAsync("42", 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_tampered_option_index_is_refused()
    {
        var command = new TriviaCommand(Generator);
        var question = Generator.Generate(46)!;

        var reply = await command.HandleComponentAsync(Click($"trivia:a:{question.Id}:4", "100"), CancellationToken.None);

        Assert.Equal(TriviaCommand.ExpiredText, reply.Content);
    }

    [Fact]
    public async Task The_leaderboard_lists_the_top_ten_of_this_server_best_first()
    {
        var scores = new InMemoryTriviaScores();
        for (var member = 0; member < 12; member++)
        {
            for (var question = 0; question <= member; question++)
                await scores.RecordAnswerAsync("42", $"{500 + member}", $"q{question}", right: true, CancellationToken.None);
        }

        await scores.RecordAnswerAsync("43", "999", "q0", right: true, CancellationToken.None); // another server
        var command = new TriviaCommand(Generator, scores);

        var reply = await command.ExecuteAsync(knowledge.Context("trivia") with { Subcommand = "leaderboard" }, CancellationToken.None);

        Assert.False(reply.Ephemeral);
        ReplyAssert.WithinDiscordLimits(reply);
        var lines = Assert.Single(reply.Embeds).Description!.Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.Equal("**1.** <@511> · 12 points (12 answered)", lines[0]);
        Assert.StartsWith("**10.** <@502> · 3 points", lines[9]);
        Assert.DoesNotContain("999", reply.Embeds[0].Description);
    }

    [Fact]
    public async Task An_empty_leaderboard_invites_members_to_play()
    {
        var reply = await new TriviaCommand(Generator).ExecuteAsync(knowledge.Context("trivia") with { Subcommand = "leaderboard" }, CancellationToken.None);

        Assert.Equal(TriviaCommand.NoScoresText, reply.Content);
    }

    private ComponentContext Click(string customId, string userId) => Contexts.Click(knowledge.Knowledge, customId, userId);
}
