namespace Bot.Commands.Cooldowns;

/// <summary>
/// How many questions (<c>/ask</c>, <c>/search</c>, <c>/about</c>, and Share, which posts an answer
/// for everyone) one member may ask within a sliding window. Section <c>Commands:Cooldown</c>.
/// </summary>
public sealed class QuestionCooldownOptions
{
    public const string Section = "Commands:Cooldown";

    public const int MaxQuestions = 10_000;

    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>Questions allowed per member within <see cref="Window"/>; 0 turns the cooldown off.</summary>
    public int Questions { get; set; } = 5;

    /// <summary>How far back questions count.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Settings that were present but could not be read, each saying how to fix it.</summary>
    internal List<string> UnreadableSettings { get; } = [];
}
