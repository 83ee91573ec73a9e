using Bot.Discord.Interactions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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
    /// <see cref="InFlightInteractions"/> hosted service, Kestrel's limits (below) and, unless one is registered,
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <remarks>
    /// Kestrel is bounded so that nothing waits in it: at most <c>Discord:HttpMaxConnections</c> connections,
    /// and a request whose headers have not all arrived within <c>Discord:InitialResponseTimeout</c> is cut
    /// off (no answer could reach Discord in time anyway). Admission does the rest: every request is answered
    /// (answer, deferral or busy) within <c>Discord:Interactions:DeferAfter</c> of its arrival.
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
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<DiscordOptions>>(LimitKestrel);
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

    private static void LimitKestrel(KestrelServerOptions kestrel, IOptions<DiscordOptions> options)
    {
        DiscordOptions discord;
        try
        {
            discord = options.Value;
        }
        catch (OptionsValidationException)
        {
            // Kestrel is built before the host checks the settings: a bad one is reported at start-up, by name.
            return;
        }

        kestrel.Limits.MaxConcurrentConnections = discord.HttpMaxConnections;
        kestrel.Limits.RequestHeadersTimeout = discord.InitialResponseTimeout;
    }
}
