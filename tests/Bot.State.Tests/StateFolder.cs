using Bot.State.Migrations;
using Bot.State.Unanswered;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.State.Tests;

/// <summary>A data folder of its own under the temp folder, with a real database file, deleted afterwards.</summary>
internal sealed class StateFolder : IDisposable
{
    private readonly List<StateDatabase> _opened = [];

    public StateFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bot-state-tests-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The data folder; not created until something opens the database.</summary>
    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, StateDatabase.FileName);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public StateDatabase Open(IReadOnlyList<StateMigration>? migrations = null)
    {
        var options = Options.Create(new StateOptions { DataFolder = Path });
        var database = migrations is null ? new StateDatabase(options) : new StateDatabase(options, migrations);
        _opened.Add(database);
        return database;
    }

    public UnansweredQuestionStore Store(StateDatabase database) =>
        new(database, Time, NullLogger<UnansweredQuestionStore>.Instance);

    /// <summary>A connection of the test's own, outside the bot's pool, for looking at or tampering with the file.</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public T? Query<T>(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var database in _opened)
            database.Dispose();
        try
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
