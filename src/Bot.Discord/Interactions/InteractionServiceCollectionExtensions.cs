using Bot.Discord.Diagnostics;
using Bot.Discord.Interactions.Admission;
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
    /// <see cref="InteractionQueue"/>, the <see cref="InteractionAdmission"/> (running handlers inside the
    /// <see cref="IHandlerSlots"/> registered, if any), the <see cref="InteractionDispatcher"/>, the
    /// <see cref="RestInitialResponder"/>, the <see cref="InteractionWorkers"/> hosted service,
    /// <see cref="DiscordMetrics"/> and, unless one is registered, <see cref="TimeProvider.System"/>.
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
        services.TryAddSingleton(provider => new InteractionAdmission(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DiscordOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<IHandlerSlots>()));
        services.AddDiscordMetrics();
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<RestInitialResponder>();
        services.AddHostedService<InteractionWorkers>();
        return services;
    }
}
