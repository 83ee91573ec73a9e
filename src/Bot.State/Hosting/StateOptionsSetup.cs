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
