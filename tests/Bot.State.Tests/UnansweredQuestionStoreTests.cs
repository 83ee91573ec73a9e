using Bot.State.Unanswered;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.State.Tests;

public sealed class UnansweredQuestionStoreTests : IDisposable
{
    private readonly StateFolder _folder = new();
    private readonly StateDatabase _database;
    private readonly UnansweredQuestionStore _store;

    public UnansweredQuestionStoreTests()
    {
        _database = _folder.Open();
        _store = _folder.Store(_database);
    }

    public void Dispose() => _folder.Dispose();

    private ValueTask Record(string question, string? guild = "100") => _store.RecordAsync(question, guild, CancellationToken.None);

    [Fact]
    public async Task Each_server_keeps_its_most_recently_asked_questions_up_to_the_cap()
    {
        var cap = UnansweredQuestionStore.MaxQuestionsPerServer;
        await Record("an early question asked again later");
        for (var i = 0; i < cap + 5; i++)
        {
            _folder.Time.Advance(TimeSpan.FromSeconds(1));
            await Record($"question number {i}");
        }

        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        await Record("an early question asked again later"); // asked recently: it stays
        await Record("a question in another server", guild: "200");

        Assert.Equal(cap, _folder.Query<long>("SELECT count(*) FROM unanswered_questions WHERE guild_id = '100'"));
        var kept = (await _store.TopUnansweredAsync("100", UnansweredQuestionStore.MaxLimit)).Select(q => q.Question).ToHashSet();
        Assert.Contains("an early question asked again later", kept);
        Assert.Contains($"question number {cap + 4}", kept);
        Assert.DoesNotContain("question number 0", kept);
        Assert.DoesNotContain("question number 5", kept);
        Assert.Single(await _store.TopUnansweredAsync("200", 10));
    }

    [Fact]
    public async Task The_same_question_asked_differently_is_counted_once_under_the_words_first_used()
    {
        await Record("Who is Pastor Kim?");
        _folder.Time.Advance(TimeSpan.FromMinutes(5));
        await Record("  who is   PASTOR kim ");
        _folder.Time.Advance(TimeSpan.FromMinutes(5));
        await Record("Who is Pastor Kim!?");

        var top = await _store.TopUnansweredAsync("100", 10);

        var question = Assert.Single(top);
        Assert.Equal("Who is Pastor Kim?", question.Question);
        Assert.Equal(3, question.Count);
        Assert.Equal("100", question.GuildId);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), question.FirstAsked);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 10, 0, TimeSpan.Zero), question.LastAsked);
    }

    [Fact]
    public async Task Most_asked_come_first_then_most_recently_asked_and_the_limit_is_kept()
    {
        await Record("rarely");
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        foreach (var _ in Enumerable.Range(0, 3))
            await Record("often");
        await Record("twice, earlier");
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        await Record("twice, earlier");
        await Record("twice, later");
        _folder.Time.Advance(TimeSpan.FromSeconds(1));
        await Record("twice, later");

        var top = await _store.TopUnansweredAsync("100", 3);

        Assert.Equal(["often", "twice, later", "twice, earlier"], top.Select(q => q.Question));
        Assert.Equal([3L, 2L, 2L], top.Select(q => q.Count));
    }

    [Fact]
    public async Task Each_guild_and_the_console_keep_their_own_counts()
    {
        await Record("Who is Caleb?", "1");
        await Record("Who is Caleb?", "2");
        await Record("Who is Caleb?", "2");
        await Record("Who is Caleb?", null);

        Assert.Equal(1, (await _store.TopUnansweredAsync("1", 5)).Single().Count);
        Assert.Equal(2, (await _store.TopUnansweredAsync("2", 5)).Single().Count);
        var outside = (await _store.TopUnansweredAsync(null, 5)).Single();
        Assert.Equal(1, outside.Count);
        Assert.Null(outside.GuildId);
        Assert.Equal("", _folder.Query<string>("SELECT guild_id FROM unanswered_questions WHERE guild_id = ''"));
        Assert.Empty(await _store.TopUnansweredAsync("3", 5));
    }

    [Fact]
    public async Task Blank_questions_are_not_recorded_and_huge_ones_are_cut()
    {
        await Record("   ");
        await Record(new string('a', 6000));

        var top = await _store.TopUnansweredAsync("100", 5);

        Assert.Equal(UnansweredQuestionStore.MaxQuestionLength, Assert.Single(top).Question.Length);
    }

    [Fact]
    public async Task Limits_outside_1_to_1000_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.TopUnansweredAsync(null, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.TopUnansweredAsync(null, 1001));
    }

    [Fact]
    public async Task Two_hundred_parallel_askings_of_one_question_all_count()
    {
        await _database.MigrateAsync();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            await _store.RecordAsync(i % 2 == 0 ? "Where is Caleb Mission?" : "where is caleb mission", "7", CancellationToken.None))));

        var question = Assert.Single(await _store.TopUnansweredAsync("7", 10));
        Assert.Equal(200, question.Count);
    }

    [Fact]
    public async Task Two_hundred_parallel_distinct_questions_make_two_hundred_rows()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            await _store.RecordAsync($"Question {i}?", "7", CancellationToken.None))));

        var top = await _store.TopUnansweredAsync("7", 1000);
        Assert.Equal(200, top.Count);
        Assert.All(top, q => Assert.Equal(1, q.Count));
        Assert.Equal(200, _folder.Query<long>("SELECT count(*) FROM unanswered_questions"));
    }

    [Fact]
    public async Task Two_stores_on_one_file_as_two_bots_would_share_the_counts()
    {
        using var other = _folder.Open();
        var second = _folder.Store(other);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? _store : second).RecordAsync("Is there a sequel?", null, CancellationToken.None))));

        Assert.Equal(100, (await second.TopUnansweredAsync(null, 1)).Single().Count);
    }

    [Fact]
    public async Task A_failed_write_is_logged_not_thrown_so_the_asker_still_gets_a_reply()
    {
        await _database.MigrateAsync();
        _folder.Execute("DROP TABLE unanswered_questions");
        var log = new FakeLogger<UnansweredQuestionStore>();
        var store = new UnansweredQuestionStore(_database, _folder.Time, log);

        await store.RecordAsync("Anything?", "100", CancellationToken.None); // does not throw

        var logged = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(_database.Path, logged.Message);
        Assert.IsType<SqliteException>(logged.Exception);
        Assert.DoesNotContain("Anything?", logged.Message); // what members ask is not written to the log
    }

    [Theory]
    [InlineData("Who is Pastor Kim?", "who is pastor kim")]
    [InlineData("  Who\tis\n Pastor   Kim  ", "who is pastor kim")]
    [InlineData("ＷＨＯ is Kim？", "who is kim")]
    [InlineData("???", "???")]
    [InlineData("Is it 2.5 hours long...", "is it 2.5 hours long")]
    public void Question_keys_ignore_case_spacing_width_and_final_punctuation(string question, string key) =>
        Assert.Equal(key, QuestionKey.From(question));
}
