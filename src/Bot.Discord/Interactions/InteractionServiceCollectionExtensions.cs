using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

public static class InteractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the interaction pipeline: <see cref="InteractionOptions"/> bound from
    /// <c>Discord:Interactions</c> (validated at start-up; the application id falls back to
    /// <c>Discord:ApplicationId</c>), the <see cref="InteractionQueue"/>, the <see cref="InteractionDispatcher"/>,
    /// the <see cref="RestInitialResponder"/>, the <see cref="InteractionWorkers"/> hosted service and, unless
    /// one is registered, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <remarks>
    /// The host adds the rest: <c>AddDiscordRest</c> for the REST client, and its
    /// <see cref="IInteractionHandler"/> as a singleton (the dispatcher is one and holds it).
    /// </remarks>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<InteractionOptions>()
            .Bind(configuration.GetSection(InteractionOptions.Section))
            .PostConfigure(options => options.ApplicationId ??= ConfiguredApplicationId(configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InteractionOptions>, InteractionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new InteractionQueue());
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<RestInitialResponder>();
        services.AddHostedService<InteractionWorkers>();
        return services;
    }

    /// <summary>The host's <c>Discord:ApplicationId</c>; the host itself reports it when missing.</summary>
    private static ulong? ConfiguredApplicationId(IConfiguration configuration) =>
        ulong.TryParse(configuration["Discord:ApplicationId"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id != 0 ? id : null;
}
