using System.ComponentModel.DataAnnotations;
using Bot.Settings;
using Microsoft.Extensions.Options;

namespace Bot.Commands.Cooldowns;

/// <summary>
/// How many questions (<c>/ask</c>, <c>/search</c>, <c>/about</c>, and Share, which posts an answer
/// for everyone) one member may ask within a sliding window. Section <c>Commands:Cooldown</c>.
/// </summary>
public sealed class QuestionCooldownOptions : IValidatableObject
{
    public const string Section = "Commands:Cooldown";

    public const int MaxQuestions = 10_000;

    /// <summary>Questions allowed per member within <see cref="Window"/>; 0 turns the cooldown off.</summary>
    [SettingRange(0, MaxQuestions, ErrorMessage = "Commands:Cooldown:Questions is {0}; it must be 0 (no cooldown) to 10000 (set Commands__Cooldown__Questions).")]
    public int Questions { get; set; } = 5;

    /// <summary>How far back questions count.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true,
        ErrorMessage = "Commands:Cooldown:Window is {0}; it must be more than 0 and at most 1.00:00:00 (set Commands__Cooldown__Window, e.g. to 00:00:30).")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Settings that were present but could not be read, each saying how to fix it.</summary>
    internal List<string> UnreadableSettings { get; } = [];

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        UnreadableSettings.Select(problem => new ValidationResult(problem));
}

/// <summary>Every problem with the cooldown settings, each naming the setting and how to set it; generated.</summary>
[OptionsValidator]
internal sealed partial class QuestionCooldownOptionsValidator : IValidateOptions<QuestionCooldownOptions>
{
}
