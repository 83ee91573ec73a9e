using System.ComponentModel.DataAnnotations;
using Bot.Settings;

namespace Bot.Discord;

/// <summary>
/// A setting that must be an absolute URL with one of <paramref name="schemes"/>; with
/// <see cref="Optional"/>, empty means unset and is accepted. {0} in the message is the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingUrlAttribute(params string[] schemes) : ValidationAttribute
{
    public bool Optional { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var text = value as string;
        var valid = (Optional && string.IsNullOrEmpty(text))
            || (Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme, StringComparer.Ordinal));
        return SettingResult.Of(valid, ErrorMessageString, value);
    }
}
