using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace Bot.Observability;

/// <summary>The probes and the metrics, mapped the same way on every listener that serves them.</summary>
internal static class ObservabilityEndpoints
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>Tag of the checks behind <see cref="LivePath"/>: is the process stuck.</summary>
    public const string Live = "live";

    /// <summary>Tag of the checks behind <see cref="ReadyPath"/>: can it answer.</summary>
    public const string Ready = "ready";

    /// <param name="meterProvider">The bot's metrics, when the endpoints' own services do not hold them.</param>
    public static void Map(IEndpointRouteBuilder endpoints, MeterProvider? meterProvider = null)
    {
        endpoints.MapHealthChecks(LivePath, Tagged(Live));
        endpoints.MapHealthChecks(ReadyPath, Tagged(Ready));
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider, configureBranchedPipeline: null, optionsName: null);
    }

    private static HealthCheckOptions Tagged(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = HealthResponse.WriteAsync,
    };
}
