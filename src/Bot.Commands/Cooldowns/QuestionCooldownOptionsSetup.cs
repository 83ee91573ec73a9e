using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Commands.Cooldowns;

/// <summary>
/// Fills <see cref="QuestionCooldownOptions"/> from <c>Commands:Cooldown:Questions</c> and
/// <c>Commands:Cooldown:Window</c> when the container holds a configuration; the defaults stand otherwise.
/// </summary>
internal sealed class QuestionCooldownOptionsSetup(IServiceProvider services) : IConfigureOptions<QuestionCooldownOptions>
{
    public void Configure(QuestionCooldownOptions options)
    {
        if (services.GetService<IConfiguration>() is not { } configuration)
            return;

        var questions = $"{QuestionCooldownOptions.Section}:{nameof(QuestionCooldownOptions.Questions)}";
        if (configuration[questions] is { Length: > 0 } count)
        {
            if (int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                options.Questions = n;
            else
                options.UnreadableSettings.Add($"{questions} is '{count}', which is not a whole number (set {EnvironmentName(questions)}, e.g. to 5).");
        }

        var window = $"{QuestionCooldownOptions.Section}:{nameof(QuestionCooldownOptions.Window)}";
        if (configuration[window] is { Length: > 0 } duration)
        {
            if (TimeSpan.TryParse(duration, CultureInfo.InvariantCulture, out var span))
                options.Window = span;
            else
                options.UnreadableSettings.Add($"{window} is '{duration}', which is not a duration; write it as hh:mm:ss, e.g. 00:00:30 (set {EnvironmentName(window)}).");
        }
    }

    private static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}
