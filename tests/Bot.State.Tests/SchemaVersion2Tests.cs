using Bot.Commands;
using Bot.Commands.Summaries;
using Bot.Commands.Trivia;
using Bot.Commands.WatchParty;
using Bot.State.Hosting;
using Bot.State.Migrations;
using Bot.State.Prompts;
using Bot.State.Summaries;
using Bot.State.Trivia;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.State.Tests;

/// <summary>
/// Schema version 2: trivia answers, discussion prompt positions per channel and pinned summaries,
/// migrated onto a version 1 database without losing its rows; and the stores over them.
/// </summary>
public sealed class SchemaVersion2Tests : IDisposable
{
    private readonly StateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_version_1_database_with_rows_migrates_to_version_2_and_keeps_them()
    {
        using (var v1 = _folder.Open([StateSchema.Migrations[0]]))
        {
            var store = _folder.Store(v1);
            await store.RecordAsync("Where was it filmed?", "42", CancellationToken.None);
            await store.RecordAsync("where was it filmed", "42", CancellationToken.None);
            await store.RecordAsync("Who composed the music?", null, CancellationToken.None);
            Assert.Equal(1, _folder.Query<int>("PRAGMA user_version"));
        }

        var before = Rows("SELECT guild_id, question_key, question, count, first_asked, last_asked FROM unanswered_questions ORDER BY guild_id, question_key");
        Assert.Equal(2, before.Count);

        using var v2 = _folder.Open();
        var result = await v2.MigrateAsync();

        Assert.Equal((1, 2), (result.FromVersion, result.ToVersion));
        Assert.Equal(2, _folder.Query<int>("PRAGMA user_version"));
        Assert.Equal(before, Rows("SELECT guild_id, question_key, question, count, first_asked, last_asked FROM unanswered_questions ORDER BY guild_id, question_key"));
        Assert.Equal(["pinned_summaries", "prompt_positions", "trivia_answers", "unanswered_questions"], Tables());
        var top = Assert.Single(await _folder.Store(v2).TopUnansweredAsync("42", 10));
        Assert.Equal(("Where was it filmed?", 2L), (top.Question, top.Count));
        Assert.Equal("ok", _folder.Query<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task The_new_stores_work_on_a_database_migrated_from_version_1()
    {
        using (var v1 = _folder.Open([StateSchema.Migrations[0]]))
            await v1.MigrateAsync();

        using var v2 = _folder.Open();
        var trivia = new TriviaAnswerStore(v2, _folder.Time);
        var record = await trivia.RecordAnswerAsync("42", "1001", "abc.0.0.0.1.ffffff", right: true, CancellationToken.None);

        Assert.Equal(new TriviaAnswerRecord(true, true, 1), record);
        Assert.Equal(0, await new PromptPositionStore(v2, _folder.Time).NextAsync("42", "7", CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_trivia_table_holds_who_did_something_and_it_must_for_a_leaderboard()
    {
        using var database = _folder.Open();
        await database.MigrateAsync();

        foreach (var table in new[] { "unanswered_questions", "prompt_positions", "pinned_summaries" })
        {
            Assert.DoesNotContain(Columns(table), c => c.Contains("user", StringComparison.OrdinalIgnoreCase)
                                                        || c.Contains("author", StringComparison.OrdinalIgnoreCase)
                                                        || c.Contains("member", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(["guild_id", "question_id", "user_id", "correct", "answered_at"], Columns("trivia_answers"));
    }

    [Fact]
    public async Task Only_a_members_first_answer_to_a_question_counts_and_points_are_per_server()
    {
        using var database = _folder.Open();
        var store = new TriviaAnswerStore(database, _folder.Time);

        var wrongFirst = await store.RecordAnswerAsync("42", "1", "q1", right: false, CancellationToken.None);
        var rightLater = await store.RecordAnswerAsync("42", "1", "q1", right: true, CancellationToken.None);
        var rightFirst = await store.RecordAnswerAsync("42", "1", "q2", right: true, CancellationToken.None);
        var again = await store.RecordAnswerAsync("42", "1", "q2", right: true, CancellationToken.None);
        var elsewhere = await store.RecordAnswerAsync("43", "1", "q2", right: true, CancellationToken.None);

        Assert.Equal(new TriviaAnswerRecord(true, false, 0), wrongFirst);
        Assert.Equal(new TriviaAnswerRecord(false, false, 0), rightLater);
        Assert.Equal(new TriviaAnswerRecord(true, true, 1), rightFirst);
        Assert.Equal(new TriviaAnswerRecord(false, true, 1), again);
        Assert.Equal(new TriviaAnswerRecord(true, true, 1), elsewhere);
        Assert.Equal([new TriviaScore("1", 1, 2)], await store.TopAsync("42", 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_hundred_clicks_at_once_lose_no_score()
    {
        using var database = _folder.Open();
        await database.MigrateAsync();
        var store = new TriviaAnswerStore(database, _folder.Time);

        // 100 members click the right answer of the same question at once, and each of the first ten clicks twice more.
        var clicks = Enumerable.Range(0, 100).Select(i => $"{2000 + i}")
            .Concat(Enumerable.Range(0, 10).SelectMany(i => new[] { $"{2000 + i}", $"{2000 + i}" }))
            .ToArray();
        var results = await Task.WhenAll(clicks.Select(user =>
            Task.Run(async () => await store.RecordAnswerAsync("42", user, "q-rush", right: true, CancellationToken.None))));

        Assert.Equal(100, results.Count(r => r.Counted));
        Assert.Equal(20, results.Count(r => !r.Counted));
        Assert.All(results, r => Assert.Equal(1, r.Points));
        var top = await store.TopAsync("42", 100, CancellationToken.None);
        Assert.Equal(100, top.Count);
        Assert.All(top, s => Assert.Equal(new TriviaScore(s.UserId, 1, 1), s));
        Assert.Equal(100, _folder.Query<int>("SELECT count(*) FROM trivia_answers"));
    }

    [Fact]
    public async Task Parallel_answers_from_one_member_to_many_questions_all_count()
    {
        using var database = _folder.Open();
        await database.MigrateAsync();
        var store = new TriviaAnswerStore(database, _folder.Time);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(async () => await store.RecordAnswerAsync("42", "3000", $"q{i}", right: i % 4 != 0, CancellationToken.None))));

        Assert.Equal([new TriviaScore("3000", 75, 100)], await store.TopAsync("42", 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_leaderboard_is_best_first_and_leaves_out_members_without_points()
    {
        using var database = _folder.Open();
        var store = new TriviaAnswerStore(database, _folder.Time);
        await store.RecordAnswerAsync("42", "a", "q1", right: true, CancellationToken.None);
        await store.RecordAnswerAsync("42", "b", "q1", right: true, CancellationToken.None);
        await store.RecordAnswerAsync("42", "b", "q2", right: true, CancellationToken.None);
        await store.RecordAnswerAsync("42", "c", "q1", right: true, CancellationToken.None);
        await store.RecordAnswerAsync("42", "c", "q2", right: false, CancellationToken.None);
        await store.RecordAnswerAsync("42", "d", "q1", right: false, CancellationToken.None);

        var top = await store.TopAsync("42", 10, CancellationToken.None);

        Assert.Equal([new TriviaScore("b", 2, 2), new TriviaScore("a", 1, 1), new TriviaScore("c", 1, 2)], top);
        Assert.Equal(2, (await store.TopAsync("42", 2, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Prompt_positions_count_per_channel_and_survive_a_restart()
    {
        using (var first = _folder.Open())
        {
            var positions = new PromptPositionStore(first, _folder.Time);
            var served = new List<long>();
            for (var i = 0; i < 3; i++)
                served.Add(await positions.NextAsync("42", "a", default));
            Assert.Equal([0L, 1L, 2L], served);
            Assert.Equal(0, await positions.NextAsync("42", "b", default));
            Assert.Equal(0, await positions.NextAsync(null, null, default));
        }

        using var second = _folder.Open();
        Assert.Equal(3, await new PromptPositionStore(second, _folder.Time).NextAsync("42", "a", default));
    }

    [Fact]
    public async Task Prompt_positions_asked_at_once_are_all_different()
    {
        using var database = _folder.Open();
        await database.MigrateAsync();
        var positions = new PromptPositionStore(database, _folder.Time);

        var got = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () => await positions.NextAsync("42", "a", default))));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), got.Order());
    }

    [Fact]
    public async Task Pinned_summaries_are_recorded_latest_first_per_server()
    {
        using var database = _folder.Open();
        var pinned = new PinnedSummaryStore(database, _folder.Time, NullLogger<PinnedSummaryStore>.Instance);

        await pinned.RecordAsync("42", "10", "100", null, default);
        _folder.Time.Advance(TimeSpan.FromMinutes(5));
        await pinned.RecordAsync("42", "10", "101", "Pastor Kim", default);
        await pinned.RecordAsync("43", "20", "200", "Laos", default);

        var list = await pinned.ListAsync("42", default);

        Assert.Equal([("101", "Pastor Kim"), ("100", (string?)null)], list.Select(p => (p.MessageId, p.Topic)));
        Assert.Equal(_folder.Time.GetUtcNow(), list[0].PinnedAt);
        await pinned.RecordAsync("42", "10", "100", "again", default);
        Assert.Equal(2, (await pinned.ListAsync("42", default)).Count); // pinning the same message again records it once
    }

    [Fact]
    public async Task Add_bot_state_puts_the_stores_in_place_of_the_in_memory_ones()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("Knowledge:DataFolder", _folder.Path)]);
        builder.Services.AddOptions<Bot.Knowledge.KnowledgeOptions>().Bind(builder.Configuration.GetSection("Knowledge"));
        builder.Services.AddSingleton<ITriviaScores, InMemoryTriviaScores>();
        builder.Services.AddSingleton<IPromptPositions, InMemoryPromptPositions>();
        builder.Services.AddSingleton<IPinnedSummaries>(new InMemoryPinnedSummaries(TimeProvider.System));
        builder.Services.AddBotState();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.IsType<TriviaAnswerStore>(host.Services.GetRequiredService<ITriviaScores>());
        Assert.IsType<PromptPositionStore>(host.Services.GetRequiredService<IPromptPositions>());
        Assert.IsType<PinnedSummaryStore>(host.Services.GetRequiredService<IPinnedSummaries>());
        Assert.Single(host.Services.GetServices<ITriviaScores>());
        var top = await host.Services.GetRequiredService<IUnansweredQuestions>().TopAsync("1", 5, default);
        Assert.Empty(top);
        await host.StopAsync();
        host.Services.GetRequiredService<StateDatabase>().Dispose();
    }

    private List<string> Tables()
    {
        using var connection = _folder.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    private List<string> Columns(string table)
    {
        using var connection = _folder.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    private List<string> Rows(string sql)
    {
        using var connection = _folder.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
