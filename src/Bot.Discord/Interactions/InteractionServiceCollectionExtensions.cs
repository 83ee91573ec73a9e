using Bot.Discord.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Discord.Interactions;

public static class InteractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the interaction pipeline: its settings (<see cref="DiscordOptions.Interactions"/>, bound
    /// from <c>Discord:Interactions</c> with the rest of the <c>Discord</c> section and validated at
    /// start-up; the application id falls back to <c>Discord:ApplicationId</c>), the
    /// <see cref="InteractionQueue"/>, the <see cref="InteractionDispatcher"/>, the
    /// <see cref="RestInitialResponder"/>, the <see cref="InteractionWorkers"/> hosted service with the
    /// <see cref="WorkerProgress"/> it reports to, <see cref="DiscordMetrics"/> and, unless one is
    /// registered, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <remarks>
    /// The host adds the rest: <c>AddDiscordRest</c> for the REST client, and its
    /// <see cref="IInteractionHandler"/> as a singleton (the dispatcher is one and holds it).
    /// </remarks>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The host itself reports a missing Discord:ApplicationId; 0 here means unset.
        services.AddDiscordOptions(configuration)
            .PostConfigure(options => options.Interactions.ApplicationId ??= options.ApplicationId == 0 ? null : options.ApplicationId);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new InteractionQueue());
        services.AddDiscordMetrics();
        services.TryAddSingleton(provider => new WorkerProgress(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<RestInitialResponder>();
        services.AddHostedService<InteractionWorkers>();
        return services;
    }
}
