using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Http;

public static class HttpInteractionsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {Discord:HttpPath}</c> (default <c>/interactions</c>) to the <see cref="InteractionsEndpoint"/>
    /// and <c>GET {Discord:HealthPath}</c> (default <c>/healthz</c>) to the readiness probe: 200 "ready" once
    /// the <see cref="IReadinessCheck"/> says so, 503 before.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// <see cref="HttpInteractionsServiceCollectionExtensions.AddDiscordHttpInteractions"/> was not called, or no
    /// <see cref="IReadinessCheck"/> is registered.
    /// </exception>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;

        // Resolved now rather than per request, so a missing registration or a bad setting stops start-up.
        var endpoint = services.GetService<InteractionsEndpoint>()
            ?? throw new InvalidOperationException("The HTTP interactions endpoint is not registered: call services.AddDiscordHttpInteractions(configuration) first.");
        var readiness = services.GetService<IReadinessCheck>()
            ?? throw new InvalidOperationException($"No {nameof(IReadinessCheck)} is registered: the health probe at the endpoint needs one to say when the bot is ready.");
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;

        endpoints.MapPost(options.HttpPath, endpoint.HandleAsync);
        endpoints.MapGet(options.HealthPath, context => AnswerHealthAsync(context, readiness));
        return endpoints;
    }

    private static Task AnswerHealthAsync(HttpContext context, IReadinessCheck readiness)
    {
        var ready = readiness.IsReady;
        context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";

        // A probe must see the state of now, never a cached answer.
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(ready ? "ready" : "not ready", context.RequestAborted);
    }
}
