using Bot.Discord.Interactions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Http;

public static class HttpInteractionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the HTTP interactions endpoint: its settings (<see cref="DiscordOptions"/>, bound from the
    /// <c>Discord</c> section and validated at start-up, <c>Discord:PublicKey</c> included), the
    /// <see cref="Ed25519Verifier"/> for that key, the <see cref="InteractionsEndpoint"/>, the
    /// <see cref="InFlightInteractions"/> hosted service and, unless one is registered,
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <remarks>
    /// The host adds the rest: <c>AddDiscordInteractions</c> (the <see cref="InteractionDispatcher"/>),
    /// <c>AddDiscordRest</c>, its <see cref="IInteractionHandler"/> and an <see cref="IReadinessCheck"/>; then
    /// <see cref="HttpInteractionsEndpointRouteBuilderExtensions.MapDiscordInteractions"/> on the app.
    /// </remarks>
    public static IServiceCollection AddDiscordHttpInteractions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Serving this endpoint is taking interactions over HTTP, whatever Discord:Transport says, and
        // the Http transport's rules (a usable public key) apply.
        services.AddDiscordOptions(configuration).PostConfigure(options => options.Transport = DiscordTransport.Http);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new Ed25519Verifier(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey));
        services.TryAddSingleton<InFlightInteractions>();
        services.AddHostedService(provider => provider.GetRequiredService<InFlightInteractions>());
        services.TryAddSingleton<InteractionDispatch>(provider => provider.GetRequiredService<InteractionDispatcher>().DispatchAsync);
        services.TryAddSingleton(provider => new InteractionsEndpoint(
            provider.GetRequiredService<Ed25519Verifier>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<InteractionDispatch>(),
            provider.GetRequiredService<InFlightInteractions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<InteractionsEndpoint>>()));
        return services;
    }
}
