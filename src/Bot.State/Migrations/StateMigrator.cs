using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bot.State.Migrations;

/// <summary>
/// Brings a database file to the latest schema: checks it is a sound SQLite database no newer
/// than this build, switches it to WAL, and applies the missing migrations and the new
/// <c>user_version</c> in one immediate transaction (two bots starting at once migrate once).
/// Every failure becomes a <see cref="StateDatabaseException"/> that names the file.
/// </summary>
internal static class StateMigrator
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int SqliteReadOnly = 8;
    private const int SqliteCannotOpen = 14;
    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static MigrationResult Migrate(StateDatabase database, IReadOnlyList<StateMigration> migrations)
    {
        var path = database.Path;
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateDatabaseException(path, $"Cannot create the folder for the state database {path}: {e.Message} Set Knowledge__DataFolder or pass --data DIR to a writable folder.", e);
        }

        try
        {
            using var connection = database.OpenUnmigrated();
            var found = ReadVersion(connection, null);
            RefuseNewer(path, found, latest);
            CheckIntegrity(path, connection);

            // Outside any transaction, as SQLite requires; the mode is kept in the file.
            var journal = StateDatabase.Scalar<string>(connection, "PRAGMA journal_mode = WAL;") ?? "";

            if (found == latest)
                return new MigrationResult(path, found, latest, journal);

            using var transaction = connection.BeginTransaction(deferred: false);
            // Another process may have migrated between the first look and the lock.
            var from = ReadVersion(connection, transaction);
            RefuseNewer(path, from, latest);
            foreach (var migration in migrations.Where(m => m.Version > from))
            {
                foreach (var step in migration.Steps)
                    StateDatabase.Execute(connection, step, transaction);
            }

            StateDatabase.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {latest};"), transaction);
            transaction.Commit();
            return new MigrationResult(path, found, latest, journal);
        }
        catch (SqliteException e)
        {
            throw new StateDatabaseException(path, Explain(path, e), e);
        }
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction) =>
        StateDatabase.Scalar<int>(connection, "PRAGMA user_version;", transaction);

    private static void RefuseNewer(string path, int found, int latest)
    {
        if (found > latest)
        {
            throw new StateDatabaseException(path,
                $"The state database {path} has schema version {found}, but this build of the bot knows versions up to {latest}: " +
                "it was written by a newer bot. Run that version, or move the file aside to start with an empty one.");
        }
    }

    private static void CheckIntegrity(string path, SqliteConnection connection)
    {
        var verdict = StateDatabase.Scalar<string>(connection, "PRAGMA quick_check;");
        if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
        {
            throw new StateDatabaseException(path,
                $"The state database {path} is damaged (SQLite's check says: {verdict}). Restore it from a backup, or move it aside to start with an empty one.");
        }
    }

    private static string Explain(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteNotADatabase or SqliteCorrupt =>
            $"The state database {path} is not a SQLite database or is damaged ({e.Message.TrimEnd('.')}). Restore it from a backup, or move it aside to start with an empty one.",
        SqliteReadOnly or SqliteCannotOpen or SqlitePermission =>
            $"Cannot open the state database {path} for writing ({e.Message.TrimEnd('.')}). Check the file's and its folder's permissions, or set Knowledge__DataFolder / pass --data DIR to a writable folder.",
        SqliteBusy or SqliteLocked =>
            $"The state database {path} stayed locked by another process ({e.Message.TrimEnd('.')}). Stop the other bot using it, or raise State__BusyTimeout.",
        _ => $"The state database {path} could not be opened or migrated: {e.Message}",
    };
}
