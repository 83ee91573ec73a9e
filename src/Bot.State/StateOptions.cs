namespace Bot.State;

/// <summary>
/// Where the bot keeps its state and how long a write waits for another to finish. The file is
/// <see cref="StateDatabase.FileName"/> in the data folder (<c>Knowledge:DataFolder</c>, beside
/// the index); the wait is <c>State:BusyTimeout</c>.
/// </summary>
public sealed class StateOptions
{
    public const string Section = "State";

    public static readonly TimeSpan MinBusyTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The folder holding the database; created when missing. Taken from <c>Knowledge:DataFolder</c>.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>How long an operation waits for a lock held by another before it gives up.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataFolder, StateDatabase.FileName));

    /// <summary>Settings that were present but unreadable, reported by validation rather than thrown while binding.</summary>
    internal List<string> UnreadableSettings { get; } = [];
}
