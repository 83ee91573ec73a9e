using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Settings;

// Validation attributes for settings checked by the options validator source generator
// ([OptionsValidator]). Each message is the whole sentence an operator reads: it names the
// setting and how to set it, and {0} in it is the value as configured. A result carries no
// member name, so the generator does not put the property's C# name before the sentence.
// Compiled into each project that validates settings (internal there): those projects share
// no project that all of them could reference.

/// <summary>
/// <see cref="RangeAttribute"/> for a setting. The generator swaps the built-in attribute for a copy of
/// its own that drops <see cref="ValidationAttribute.ErrorMessage"/> (dotnet/runtime#123137); a derived
/// attribute is used as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
        Prepare();
    }

    /// <summary>Limits of another type (<see cref="TimeSpan"/>, <see cref="ulong"/>), written in the invariant culture.</summary>
    public SettingRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
        Prepare();
    }

    // RangeAttribute parses its limits on first use, without a lock, and the generated validator
    // shares one instance between threads: parse them here, before it can be shared.
    private void Prepare() => _ = IsValid(null);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        SettingResult.Of(IsValid(value), ErrorMessageString, value);
}

/// <summary><see cref="RequiredAttribute"/> for a setting: null, empty and blank are refused.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRequiredAttribute : RequiredAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        SettingResult.Of(IsValid(value), ErrorMessageString, value);
}

/// <summary>
/// A setting the whole of which must match <paramref name="pattern"/> (anchor it). Unlike
/// <see cref="RegularExpressionAttribute"/>, an empty value is checked too, not taken as valid.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingPatternAttribute(string pattern) : ValidationAttribute
{
    private readonly Regex _regex = new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public string Pattern => pattern;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        SettingResult.Of(value is string text && _regex.IsMatch(text), ErrorMessageString, value);
}

internal static class SettingResult
{
    /// <summary>Success, or <paramref name="message"/> with the value put in for {0} and no member name.</summary>
    public static ValidationResult? Of(bool valid, string message, object? value) =>
        valid ? ValidationResult.Success : new ValidationResult(string.Format(CultureInfo.InvariantCulture, message, value));
}
