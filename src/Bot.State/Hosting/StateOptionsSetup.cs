using System.Globalization;
using Bot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.State.Hosting;

/// <summary>
/// Fills <see cref="StateOptions"/> from <c>Knowledge:DataFolder</c> (so the database sits beside
/// the index, and <c>--data</c> moves both) and <c>State:BusyTimeout</c>. Either source may be
/// missing, as in a bare service collection: the defaults stand.
/// </summary>
internal sealed class StateOptionsSetup(IServiceProvider services) : IConfigureOptions<StateOptions>
{
    public void Configure(StateOptions options)
    {
        if (services.GetService<IOptions<KnowledgeOptions>>()?.Value.DataFolder is { } folder)
            options.DataFolder = folder;

        var setting = $"{StateOptions.Section}:{nameof(StateOptions.BusyTimeout)}";
        if (services.GetService<IConfiguration>()?[setting] is { Length: > 0 } text)
        {
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout))
                options.BusyTimeout = timeout;
            else
                options.UnreadableSettings.Add($"{setting} is '{text}', which is not a duration; write it as hh:mm:ss, e.g. 00:00:05 (set {setting.Replace(":", "__", StringComparison.Ordinal)}).");
        }
    }
}

/// <summary>Every problem with the state settings, each naming the setting and how to set it.</summary>
internal sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        var problems = new List<string>(options.UnreadableSettings);
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            problems.Add("Knowledge:DataFolder must name a writable folder for the index and bot.db (set Knowledge__DataFolder or pass --data DIR).");
        }
        else if (Directory.Exists(options.DatabasePath))
        {
            problems.Add($"{options.DatabasePath} is a folder; the state database needs that name for its file (move the folder, or pass --data DIR).");
        }

        if (options.BusyTimeout < StateOptions.MinBusyTimeout || options.BusyTimeout > StateOptions.MaxBusyTimeout)
        {
            problems.Add($"State:BusyTimeout is {options.BusyTimeout}; it must be between {StateOptions.MinBusyTimeout} and {StateOptions.MaxBusyTimeout} (set State__BusyTimeout).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
