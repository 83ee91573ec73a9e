using Bot.Discord.Diagnostics;
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
    /// Registers the hosted <see cref="GatewayClient"/>, its settings (<see cref="DiscordOptions"/>, bound from
    /// the <c>Discord</c> section of <paramref name="configuration"/> and validated at start-up), and, unless
    /// already registered, a singleton <see cref="InteractionQueue"/>, the <see cref="GatewayStatus"/> that health
    /// probes read, <see cref="DiscordMetrics"/>, <see cref="TimeProvider.System"/> and the REST client (<c>AddDiscordRest</c>) that <c>GET /gateway/bot</c> needs.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The root configuration; settings are read from its <c>Discord</c> section.</param>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new InteractionQueue());
        services.AddDiscordMetrics();
        services.TryAddSingleton(provider => new GatewayStatus(provider.GetRequiredService<TimeProvider>(), provider.GetService<DiscordMetrics>()));

        // The gateway asks REST for its URL, so the token and the REST settings are checked at start-up
        // too: unusable ones should stop start-up, not fail each reconnect.
        if (!services.Any(service => service.ServiceType == typeof(DiscordRestClient)))
            services.AddDiscordRest();

        services.TryAddSingleton(provider => new GatewayClient(
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<DiscordRestClient>,
            () => new WebSocketGatewayTransport(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.UserAgent),
            provider.GetRequiredService<InteractionQueue>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<GatewayClient>>(),
            provider.GetRequiredService<GatewayStatus>()));
        services.AddHostedService(provider => provider.GetRequiredService<GatewayClient>());
        return services;
    }
}
