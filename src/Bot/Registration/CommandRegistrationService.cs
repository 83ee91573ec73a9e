using Bot.Commands;
using Bot.Discord;
using Bot.DiscordBridge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Registration;

/// <summary>
/// At start, before the gateway connects: registers the slash commands when their definitions
/// changed since the last registration in this scope, and does nothing otherwise. A failure is
/// logged and the bot still starts, because the commands registered earlier keep working.
/// </summary>
internal sealed partial class CommandRegistrationService(
    CommandCatalog catalog,
    CommandRegistrar registrar,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var discord = options.Value;
        if (registrar.IsCurrent(discord.ApplicationId, discord.GuildId, catalog.DefinitionsHash))
        {
            LogUnchanged(logger);
            return;
        }

        try
        {
            await registrar.RegisterAsync(
                discord.ApplicationId, discord.GuildId, CommandDefinitions.ToDiscord(catalog.Definitions), catalog.DefinitionsHash, cancellationToken);
        }
        catch (CommandRegistrationException e)
        {
            LogFailed(logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash commands unchanged since they were last registered; not registering again")]
    private static partial void LogUnchanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slash commands were not registered, the ones registered before stay in use: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
