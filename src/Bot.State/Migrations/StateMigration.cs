namespace Bot.State.Migrations;

/// <summary>
/// One step in the schema's history: the SQL statements that take a database from
/// <c>Version - 1</c> to <see cref="Version"/>. Applied with the version bump in one transaction,
/// so a database is always at a version it fully has. Never edit a released migration; add one.
/// </summary>
public sealed record StateMigration(int Version, string Description, IReadOnlyList<string> Steps);

/// <summary>What starting the database did.</summary>
/// <param name="FromVersion">The schema version found (0: a new file).</param>
/// <param name="ToVersion">The version it is at now.</param>
/// <param name="JournalMode">SQLite's journal mode: <c>wal</c>, unless the file system cannot do it.</param>
public sealed record MigrationResult(string Path, int FromVersion, int ToVersion, string JournalMode)
{
    public bool Migrated => ToVersion != FromVersion;
}
