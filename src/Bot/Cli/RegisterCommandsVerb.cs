using Bot.Commands;
using Bot.Discord;
using Bot.DiscordBridge;
using Bot.Hosting;
using Bot.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// <c>register-commands [--guild ID]</c>: bulk-overwrites the slash commands (globally, or in one
/// guild where changes show at once) and prints what changed against what Discord had. Registers even
/// when Discord has them already: running it by hand means "make Discord match".
/// </summary>
internal static class RegisterCommandsVerb
{
    public static async Task<int> Run(CliArguments cli, TextWriter output, TextWriter error)
    {
        // The host is built but not started: registering needs no knowledge index.
        using var host = BotHost.Build(Overrides.From(cli), watch: false, DiscordRole.Registration);
        if (await RunVerb.ReportMissingSettings(host, error))
            return BotCommandLine.UsageError;

        var discord = host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var catalog = host.Services.GetRequiredService<CommandCatalog>();
        var registrar = host.Services.GetRequiredService<CommandRegistrar>();
        CommandChanges changes;
        try
        {
            changes = await registrar.RegisterAsync(
                discord.ApplicationId, discord.GuildId, CommandDefinitions.ToDiscord(catalog.Definitions), CancellationToken.None);
        }
        catch (CommandRegistrationException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return BotCommandLine.UsageError;
        }

        var scope = discord.GuildId is { } guild ? $"in guild {guild} (visible at once)" : "globally (Discord may take a while to show changes)";
        await output.WriteLineAsync($"Registered {catalog.Definitions.Count} slash commands {scope}:");
        foreach (var line in changes.Lines())
            await output.WriteLineAsync(line);
        if (!changes.Any)
            await output.WriteLineAsync("Nothing changed.");
        return BotCommandLine.Ok;
    }
}
