using System.Diagnostics.Metrics;
using Bot.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Discord.Diagnostics;

internal static class DiscordMetricsServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="DiscordMetrics"/> for every part that records, on the host's meter factory, observing
    /// the interaction queue when one is registered. Each part's registration calls this; the first one counts.
    /// </summary>
    public static IServiceCollection AddDiscordMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new DiscordMetrics(provider.GetService<IMeterFactory>(), provider.GetService<InteractionQueue>()));
        return services;
    }
}
