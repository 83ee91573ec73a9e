using System.Globalization;
using Bot.State.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.State;

/// <summary>
/// The bot's state file: one SQLite database in WAL mode (readers never wait for the writer),
/// brought to the schema this build knows before anything reads or writes it. Every operation
/// opens its own connection from the driver's pool and closes it after, so any number may run
/// at once; writers queue on SQLite's lock for up to <see cref="StateOptions.BusyTimeout"/>.
/// </summary>
public sealed class StateDatabase : IDisposable
{
    public const string FileName = "bot.db";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly IReadOnlyList<StateMigration> _migrations;
    private readonly Lock _gate = new();
    private Task<MigrationResult>? _migration;

    public StateDatabase(IOptions<StateOptions> options)
        : this(options, StateSchema.Migrations)
    {
    }

    /// <param name="migrations">The schema's history, oldest first; see <see cref="StateSchema"/>.</param>
    public StateDatabase(IOptions<StateOptions> options, IReadOnlyList<StateMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(migrations);
        StateSchema.CheckOrder(migrations);
        var settings = options.Value;
        Path = settings.DatabasePath;
        _migrations = migrations;
        _busyTimeoutMilliseconds = (int)Math.Ceiling(settings.BusyTimeout.TotalMilliseconds);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout: the same wait.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>The schema version this build writes: the last migration's.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>
    /// Creates the file (and its folder) when missing and applies the migrations it lacks, once
    /// per instance however often it is called. Throws <see cref="StateDatabaseException"/>,
    /// naming the file, when it is damaged, not a database, unwritable, or from a newer build.
    /// </summary>
    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        Task<MigrationResult> task;
        lock (_gate)
            task = _migration ??= Task.Run(() => StateMigrator.Migrate(this, _migrations), CancellationToken.None);
        return task.WaitAsync(cancellationToken);
    }

    /// <summary>An open connection to the migrated database; dispose it when the operation is done.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return OpenUnmigrated();
    }

    /// <summary>An open connection without migrating first: for the migrator itself.</summary>
    internal SqliteConnection OpenUnmigrated()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            // The driver's retries cover statements; busy_timeout covers SQLite's own lock waits, e.g. on BEGIN
            // IMMEDIATE. synchronous = NORMAL: in WAL mode a commit then writes the log without waiting for the disk
            // (fsync only at checkpoints). The file cannot be corrupted by a crash; a power cut may lose the last
            // commits (a count, a trivia answer), which is worth the milliseconds each write would otherwise hold an
            // answer's model slot under load. (A database not in WAL mode is logged at start-up.)
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static int Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteNonQuery();
    }

    internal static T? Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
