using Bot.Discord;
using Bot.Discord.Diagnostics;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Bot.Observability;

/// <summary>Wires what an operator watches the running bot with: the <c>Observability</c> settings, the health checks, the metrics, and the probes' own listener.</summary>
internal static class ObservabilityServices
{
    /// <summary>The <c>service_name</c> of <c>target_info</c> on /metrics.</summary>
    public const string ServiceName = "beyond-utopia-bot";

    /// <summary>
    /// Call before anything else adds a hosted service: the probes' listener must start first.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration, DiscordRole role)
    {
        services.AddOptions<ObservabilityOptions>()
            .Bind(configuration.GetSection(ObservabilityOptions.Section))
            .PostConfigure(options => options.InteractionsUrls = role == DiscordRole.Http
                ? configuration[$"{DiscordOptions.Section}:{nameof(DiscordOptions.HttpUrls)}"] is { Length: > 0 } urls ? urls : DiscordOptions.DefaultHttpUrls
                : null)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidator>());

        var checks = services.AddHealthChecks()
            .AddCheck<KnowledgeLoadedCheck>("knowledge", tags: [ObservabilityEndpoints.Ready])
            .AddCheck<WorkersDrainingCheck>("workers", tags: [ObservabilityEndpoints.Live]);
        if (role == DiscordRole.Http)
        {
            checks.AddCheck<HttpEndpointServingCheck>("http-endpoint", tags: [ObservabilityEndpoints.Ready]);
        }
        else
        {
            checks.AddCheck<GatewayHeartbeatCheck>("gateway-heartbeat", tags: [ObservabilityEndpoints.Live]);
            checks.AddCheck<GatewaySessionCheck>("gateway-session", tags: [ObservabilityEndpoints.Ready]);
        }

        services.AddHostedService<ObservabilityListener>();

        // Metrics are aggregated only where something reads them: on Observability:Urls, and in Http mode on Discord:HttpUrls.
        if (role != DiscordRole.Http && ListenerUrls.Split(configuration[$"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.Urls)}"]).Length == 0)
            return;

        // A scrape shows the counts of that moment: no cached answer from a scrape a moment ago.
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
            .AddMeter(DiscordMetrics.MeterName)
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
    }
}
