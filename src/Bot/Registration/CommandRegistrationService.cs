using Bot.Commands;
using Bot.Discord;
using Bot.DiscordBridge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Registration;

/// <summary>
/// At start, before the gateway connects: makes Discord's command list match our definitions, reading it
/// and overwriting it only when it differs (see <see cref="CommandRegistrar.SynchronizeAsync"/>). Never in a
/// READY handler, which runs again after every new session. A failure is logged and the bot still starts,
/// because the commands registered earlier keep working.
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
        try
        {
            await registrar.SynchronizeAsync(discord.ApplicationId, discord.GuildId, CommandDefinitions.ToDiscord(catalog.Definitions), cancellationToken);
        }
        catch (CommandRegistrationException e)
        {
            LogFailed(logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slash commands were not registered, the ones registered before stay in use: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
