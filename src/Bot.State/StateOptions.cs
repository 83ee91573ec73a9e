using System.ComponentModel.DataAnnotations;
using Bot.Settings;
using Microsoft.Extensions.Options;

namespace Bot.State;

/// <summary>
/// Where the bot keeps its state and how long a write waits for another to finish. The file is
/// <see cref="StateDatabase.FileName"/> in the data folder (<c>Knowledge:DataFolder</c>, beside
/// the index); the wait is <c>State:BusyTimeout</c>.
/// </summary>
public sealed class StateOptions : IValidatableObject
{
    public const string Section = "State";

    /// <summary>The folder holding the database; created when missing. Taken from <c>Knowledge:DataFolder</c>.</summary>
    [SettingRequired(ErrorMessage = "Knowledge:DataFolder must name a writable folder for the index and bot.db (set Knowledge__DataFolder or pass --data DIR).")]
    public string DataFolder { get; set; } = "data";

    /// <summary>How long an operation waits for a lock held by another before it gives up.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.100", "00:10:00",
        ErrorMessage = "State:BusyTimeout is {0}; it must be between 00:00:00.1000000 and 00:10:00 (set State__BusyTimeout).")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataFolder, StateDatabase.FileName));

    /// <summary>Settings that were present but unreadable, reported by validation rather than thrown while binding.</summary>
    internal List<string> UnreadableSettings { get; } = [];

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        foreach (var problem in UnreadableSettings)
            yield return new(problem);
        if (!string.IsNullOrWhiteSpace(DataFolder) && Directory.Exists(DatabasePath))
            yield return new($"{DatabasePath} is a folder; the state database needs that name for its file (move the folder, or pass --data DIR).");
    }
}

/// <summary>Every problem with the state settings, each naming the setting and how to set it; generated.</summary>
[OptionsValidator]
internal sealed partial class StateOptionsValidator : IValidateOptions<StateOptions>
{
}
