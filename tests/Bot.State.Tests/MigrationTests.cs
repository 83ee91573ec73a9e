using Bot.State.Migrations;

namespace Bot.State.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly StateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly int Latest = StateSchema.Migrations[^1].Version;

    private static readonly StateMigration AddNotes = new(Latest + 1, "Notes on questions",
    [
        "CREATE TABLE question_notes (question_key TEXT NOT NULL PRIMARY KEY, note TEXT NOT NULL)",
        "ALTER TABLE unanswered_questions ADD COLUMN handled INTEGER NOT NULL DEFAULT 0",
    ]);

    [Fact]
    public async Task A_missing_database_is_created_in_the_data_folder_at_the_latest_version_in_WAL_mode()
    {
        using var database = _folder.Open();

        var result = await database.MigrateAsync();

        Assert.True(File.Exists(_folder.DatabasePath));
        Assert.Equal(_folder.DatabasePath, database.Path);
        Assert.Equal((0, Latest), (result.FromVersion, result.ToVersion));
        Assert.Equal("wal", result.JournalMode);
        Assert.Equal(Latest, _folder.Query<int>("PRAGMA user_version"));
        Assert.Equal("wal", _folder.Query<string>("PRAGMA journal_mode"));
        Assert.Equal(1, _folder.Query<int>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'unanswered_questions'"));
    }

    [Fact]
    public async Task Reopening_keeps_what_was_recorded_and_migrates_nothing()
    {
        using (var first = _folder.Open())
        {
            await _folder.Store(first).RecordAsync("Who is Pastor Kim?", "42", CancellationToken.None);
        }

        using var second = _folder.Open();
        var result = await second.MigrateAsync();
        var top = await _folder.Store(second).TopUnansweredAsync("42", 10);

        Assert.False(result.Migrated);
        Assert.Equal((Latest, Latest), (result.FromVersion, result.ToVersion));
        Assert.Equal("Who is Pastor Kim?", Assert.Single(top).Question);
    }

    [Fact]
    public async Task A_newer_build_migrates_an_existing_database_and_keeps_its_rows()
    {
        using (var v1 = _folder.Open())
            await _folder.Store(v1).RecordAsync("Where was it filmed?", null, CancellationToken.None);

        using var v2 = _folder.Open([.. StateSchema.Migrations, AddNotes]);
        var result = await v2.MigrateAsync();

        Assert.Equal((Latest, Latest + 1), (result.FromVersion, result.ToVersion));
        Assert.Equal(Latest + 1, _folder.Query<int>("PRAGMA user_version"));
        Assert.Equal(0, _folder.Query<int>("SELECT handled FROM unanswered_questions"));
        Assert.Equal("Where was it filmed?", (await _folder.Store(v2).TopUnansweredAsync(null, 1)).Single().Question);
    }

    [Fact]
    public async Task A_migration_that_fails_half_way_leaves_the_database_as_it_was()
    {
        using (var v1 = _folder.Open())
            await v1.MigrateAsync();
        var broken = new StateMigration(Latest + 1, "Broken", ["CREATE TABLE half_done (x INTEGER)", "ALTER TABLE no_such_table ADD COLUMN y INTEGER"]);

        using var v2 = _folder.Open([.. StateSchema.Migrations, broken]);
        var error = await Assert.ThrowsAsync<StateDatabaseException>(() => v2.MigrateAsync());

        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Contains("no_such_table", error.Message);
        Assert.Equal(Latest, _folder.Query<int>("PRAGMA user_version"));
        Assert.Equal(0, _folder.Query<int>("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_message_naming_the_file_and_versions()
    {
        using (var current = _folder.Open())
            await current.MigrateAsync();
        _folder.Execute($"PRAGMA user_version = {Latest + 6}");

        using var database = _folder.Open();
        var error = await Assert.ThrowsAsync<StateDatabaseException>(() => database.MigrateAsync());

        Assert.Equal(_folder.DatabasePath, error.DatabasePath);
        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Contains($"schema version {Latest + 6}", error.Message);
        Assert.Contains($"up to {Latest}", error.Message);
        Assert.Contains("newer", error.Message);
        Assert.Equal(Latest + 6, _folder.Query<int>("PRAGMA user_version")); // left alone
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_untouched()
    {
        Directory.CreateDirectory(_folder.Path);
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(_folder.DatabasePath, garbage);

        using var database = _folder.Open();
        var error = await Assert.ThrowsAsync<StateDatabaseException>(() => database.MigrateAsync());

        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Contains("not a SQLite database or is damaged", error.Message);
        Assert.Contains("move it aside", error.Message);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(_folder.DatabasePath));
    }

    [Fact]
    public async Task A_database_with_damaged_pages_is_refused()
    {
        using (var current = _folder.Open())
        {
            var store = _folder.Store(current);
            for (var i = 0; i < 300; i++)
                await store.RecordAsync($"question number {i} with some padding to fill pages {new string('x', 200)}", "1", CancellationToken.None);
        }

        _folder.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        await using (var file = new FileStream(_folder.DatabasePath, FileMode.Open, FileAccess.Write))
        {
            // Page 1 holds the header and the schema; scribble over the middle of later pages.
            var junk = new byte[4096];
            Array.Fill(junk, (byte)0xA5);
            file.Seek(4096 * 2 + 100, SeekOrigin.Begin);
            await file.WriteAsync(junk);
        }

        using var database = _folder.Open();
        var error = await Assert.ThrowsAsync<StateDatabaseException>(() => database.MigrateAsync());

        Assert.Contains(_folder.DatabasePath, error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public async Task Failure_is_remembered_so_every_later_operation_gives_the_same_clear_error()
    {
        Directory.CreateDirectory(_folder.Path);
        await File.WriteAllTextAsync(_folder.DatabasePath, "this is a text file, not a database, and long enough to have a header");

        using var database = _folder.Open();
        await Assert.ThrowsAsync<StateDatabaseException>(() => database.MigrateAsync());
        var again = await Assert.ThrowsAsync<StateDatabaseException>(() => _folder.Store(database).TopUnansweredAsync(null, 5));

        Assert.Contains(_folder.DatabasePath, again.Message);
    }

    [Fact]
    public void The_schema_history_is_numbered_in_order_from_1()
    {
        StateSchema.CheckOrder(StateSchema.Migrations);
        Assert.Equal(StateSchema.Migrations.Count, Latest);
        Assert.Throws<ArgumentException>(() => StateSchema.CheckOrder([StateSchema.Migrations[0], StateSchema.Migrations[0]]));
    }

    [Fact]
    public async Task Unanswered_questions_have_no_column_that_could_hold_who_asked()
    {
        using var database = _folder.Open();
        await database.MigrateAsync();

        using var connection = _folder.Raw();
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name FROM pragma_table_info('unanswered_questions')";
        var columns = new List<string>();
        using (var reader = info.ExecuteReader())
        {
            while (reader.Read())
                columns.Add(reader.GetString(0));
        }

        Assert.Equal(["guild_id", "question_key", "question", "count", "first_asked", "last_asked"], columns);
        Assert.DoesNotContain(columns, c => c.Contains("user", StringComparison.OrdinalIgnoreCase)
                                            || c.Contains("author", StringComparison.OrdinalIgnoreCase)
                                            || c.Contains("member", StringComparison.OrdinalIgnoreCase)
                                            || c.Contains("invoker", StringComparison.OrdinalIgnoreCase));
    }
}
