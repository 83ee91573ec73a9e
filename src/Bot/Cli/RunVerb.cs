using Bot.Discord;
using Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// <c>run</c> (and no verb at all): the bot itself, connected to Discord's gateway until stopped.
/// Missing settings are reported up front, one line each, before anything is built or indexed.
/// </summary>
internal static class RunVerb
{
    public static async Task<int> Run(CliArguments cli, TextWriter error)
    {
        var overrides = Overrides.From(cli);
        var setting = BotHost.ReadConfiguration(overrides)[$"{DiscordOptions.Section}:{nameof(DiscordOptions.Transport)}"];
        var transport = DiscordTransport.Gateway;
        if (!string.IsNullOrWhiteSpace(setting) && (!Enum.TryParse(setting, ignoreCase: true, out transport) || !Enum.IsDefined(transport)))
            throw new CliException($"Discord:Transport is '{setting}'; it must be Gateway (the default) or Http");
        IHost built;
        try
        {
            built = BotHost.Build(overrides, watch: true, transport == DiscordTransport.Http ? DiscordRole.Http : DiscordRole.Gateway);
        }
        catch (OptionsValidationException e) when (e.OptionsType == typeof(DiscordOptions))
        {
            // The Http transport maps its endpoint while the host is built, which reads the settings.
            await ReportAsync(e.Failures, error);
            return BotCommandLine.UsageError;
        }

        using var host = built;
        if (await ReportMissingSettings(host, error))
            return BotCommandLine.UsageError;

        await host.RunAsync();
        // A fatal gateway close (a rejected token, disallowed intents) stops the host after logging
        // what to fix, and sets a non-zero exit code for service managers.
        return Environment.ExitCode;
    }

    /// <summary>Prints what a new user has to set, and whether anything was missing.</summary>
    internal static async Task<bool> ReportMissingSettings(IHost host, TextWriter error)
    {
        try
        {
            _ = host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return false;
        }
        catch (OptionsValidationException e)
        {
            await ReportAsync(e.Failures, error);
            return true;
        }
    }

    private static async Task ReportAsync(IEnumerable<string> problems, TextWriter error)
    {
        foreach (var line in problems)
            await error.WriteLineAsync($"error: {line}");
        await error.WriteLineAsync("Without Discord, try the bot locally: dotnet run --project src/Bot -- ask \"your question\"");
    }
}
