using Bot.Commands.Capabilities;
using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Discord.Http;
using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Bot.Discord.Rest;
using Bot.DiscordBridge;
using Bot.Knowledge.Semantic;
using Bot.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Hosting;

/// <summary>Wires the Discord side of the host: options, REST, registration, and for the bot itself the gateway and dispatcher.</summary>
internal static class DiscordServices
{
    private const string ApplicationIdNotSet =
        "Discord:ApplicationId is not set. Put the application id (developer portal → General Information → Application ID) in Discord__ApplicationId or in appsettings.json";

    public static void Add(IServiceCollection services, IConfiguration configuration, DiscordRole role)
    {
        // AddDiscordRest requires the token; the application id, under which commands are registered,
        // only the host needs. Rules report in the order they are added: the token first.
        services.AddDiscordRest();
        services.AddOptions<DiscordOptions>().Validate(discord => discord.ApplicationId != 0, ApplicationIdNotSet);
        services.AddDiscordOptions(configuration);

        services.AddSingleton<CommandRegistrar>();
        if (role == DiscordRole.Registration)
            return;

        services.AddHostedService<CommandRegistrationService>();
        services.AddSingleton<IInteractionHandler, CommandInteractionHandler>();
        // What commands ask of Discord beyond replying: pins and scheduled events.
        services.RemoveAll<IMessagePins>();
        services.AddSingleton<IMessagePins, DiscordMessagePins>();
        services.RemoveAll<IGuildEvents>();
        services.AddSingleton<IGuildEvents, DiscordGuildEvents>();
        services.AddSingleton<IHandlerSlots>(sp => new ModelHandlerSlots(sp.GetService<ModelSlots>()));
        if (role == DiscordRole.Http)
        {
            services.AddSingleton<IReadinessCheck, KnowledgeReadiness>();
            services.AddDiscordInteractions(configuration);
            services.AddDiscordHttpInteractions(configuration);
            return;
        }

        // The gateway is added before the workers so that it stops after them: on SIGTERM the
        // workers finish the interactions in flight, then the gateway closes the socket with 1000.
        services.AddDiscordGateway(configuration);
        services.AddDiscordInteractions(configuration);
    }
}
