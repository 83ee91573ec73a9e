using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordRestClient"/> as a typed HttpClient, its options (validated by
    /// <see cref="DiscordRestOptionsValidator"/>), one shared <see cref="RestRateLimiter"/> and, unless one is
    /// registered, <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IHttpClientBuilder AddDiscordRest(this IServiceCollection services, Action<DiscordRestOptions>? configure = null)
    {
        var options = services.AddOptions<DiscordRestOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordRestOptions>, DiscordRestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RestRateLimiter(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value.GlobalRequestsPerSecond));

        // The factory's default handlers log every full URL, and interaction paths hold the interaction
        // token: the client logs operation names instead.
        return services.AddHttpClient<DiscordRestClient>().RemoveAllLoggers();
    }
}
