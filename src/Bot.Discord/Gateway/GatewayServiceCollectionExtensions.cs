using Bot.Discord.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the hosted <see cref="GatewayClient"/>, its <see cref="GatewayOptions"/> bound from the
    /// <c>Discord</c> section of <paramref name="configuration"/> and validated at start-up, and, unless
    /// already registered, a singleton <see cref="InteractionQueue"/>, <see cref="TimeProvider.System"/>
    /// and the REST client (<c>AddDiscordRest</c>, bound from the same section) that <c>GET /gateway/bot</c> needs;
    /// REST settings are validated at start-up too.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The root configuration; settings are read from its <c>Discord</c> section.</param>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GatewayOptions.SectionName);
        services.AddOptions<GatewayOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new InteractionQueue());
        if (!services.Any(service => service.ServiceType == typeof(DiscordRestClient)))
        {
            services.AddDiscordRest(section.Bind);
        }

        // The gateway asks REST for its URL: unusable REST settings should stop start-up, not fail each reconnect.
        services.AddOptions<DiscordRestOptions>().ValidateOnStart();

        services.TryAddSingleton(provider => new GatewayClient(
            provider.GetRequiredService<IOptions<GatewayOptions>>(),
            provider.GetRequiredService<DiscordRestClient>,
            () => new WebSocketGatewayTransport(provider.GetRequiredService<IOptions<GatewayOptions>>().Value.UserAgent),
            provider.GetRequiredService<InteractionQueue>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<GatewayClient>>()));
        services.AddHostedService(provider => provider.GetRequiredService<GatewayClient>());
        return services;
    }
}
