using System.Globalization;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>/trivia through the real executable and the local Discord: a question's buttons, clicks answered privately, the leaderboard.</summary>
public sealed class TriviaEndToEndTests : IAsyncLifetime
{
    private ConnectedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ConnectedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private LocalDiscordServer Discord => _bot.Discord;

    [Fact]
    public async Task Four_members_each_click_an_option_exactly_one_is_right_and_only_they_score()
    {
        var question = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "trivia", "play"));

        Assert.False(question.Ephemeral);
        var ids = question.CustomIds;
        Assert.Equal(4, ids.Count);
        Assert.All(ids, id => Assert.Matches(@"^trivia:a:[0-9a-z.]+:[0-3]$", id));
        Assert.All(ids, id => Assert.InRange(id.Length, 1, 100));
        Assert.Single(ids.Select(id => id[..id.LastIndexOf(':')]).Distinct()); // one question

        var answers = new List<(string User, Seen Reply)>();
        for (var i = 0; i < 4; i++)
        {
            var user = (900000000000000000UL + (ulong)i).ToString(CultureInfo.InvariantCulture);
            answers.Add((user, await _bot.SendAsync(Click(ids[i], user))));
        }

        Assert.All(answers, a => Assert.True(a.Reply.Ephemeral));
        var right = Assert.Single(answers, a => a.Reply.Content.StartsWith("✅ Right", StringComparison.Ordinal));
        Assert.Equal(3, answers.Count(a => a.Reply.Content.StartsWith('❌')));
        Assert.All(answers, a => Assert.StartsWith("Source: ", (string)a.Reply.Embed()["footer"]!["text"]!));

        var again = await _bot.SendAsync(Click(ids[(answers.IndexOf(right) + 1) % 4], right.User));
        Assert.Contains("already answered", again.Content);

        var board = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "trivia", "leaderboard"));
        Assert.False(board.Ephemeral);
        Assert.Equal($"**1.** <@{right.User}> · 1 point (1 answered)", (string)board.Embed()["description"]!);
        Assert.Empty(board.Data["allowed_mentions"]!["parse"]!.AsArray()); // shown, not pinged
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
    }

    [Fact]
    public async Task A_hundred_members_clicking_the_right_answer_at_once_all_score()
    {
        var question = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "trivia", "play"));
        var ids = question.CustomIds;
        var probe = await _bot.SendAsync(Click(ids[0], "800000000000000000"));
        var rightId = probe.Content.StartsWith('✅') ? ids[0] : null;
        for (var i = 1; rightId is null && i < 4; i++)
        {
            if ((await _bot.SendAsync(Click(ids[i], $"80000000000000000{i}"))).Content.StartsWith('✅'))
                rightId = ids[i];
        }

        Assert.NotNull(rightId);
        var clicks = Enumerable.Range(0, 100).Select(i => Click(rightId, (700000000000000000UL + (ulong)i).ToString(CultureInfo.InvariantCulture))).ToArray();
        var replies = await Task.WhenAll(clicks.Select(_bot.SendAsync));

        Assert.All(replies, r => Assert.StartsWith("✅ Right", r.Content));
        var board = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "trivia", "leaderboard"));
        var lines = ((string)board.Embed()["description"]!).Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.All(lines, l => Assert.EndsWith("· 1 point (1 answered)", l));
        Assert.Equal(101, Scored()); // the hundred and whoever found the right answer first
    }

    private System.Text.Json.Nodes.JsonObject Click(string customId, string userId)
    {
        var click = InteractionPayloads.ButtonClick(Discord, customId);
        click["member"]!["user"]!["id"] = userId;
        return click;
    }

    /// <summary>Members with a point in bot.db, counted with a connection of the test's own.</summary>
    private int Scored()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_bot.DataFolder, "bot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT user_id) FROM trivia_answers WHERE guild_id = $guild AND correct = 1";
        command.Parameters.AddWithValue("$guild", ConnectedBot.Guild.ToString(CultureInfo.InvariantCulture));
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
