namespace Bot.State;

/// <summary>
/// The state database cannot be used: damaged, not a database, unwritable, or written by a newer
/// build. The message names the file and what to do; the bot does not start until it is fixed.
/// An <see cref="IOException"/> because, like a missing folder, it is a file the user can fix.
/// </summary>
public sealed class StateDatabaseException(string path, string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; } = path;
}
