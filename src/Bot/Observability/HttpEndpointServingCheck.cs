using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Bot.Observability;

/// <summary>
/// Ready (Http transport): the interactions endpoint is serving. The host starts Kestrel last, once the
/// index is built, and stops taking requests first on shutdown: a load balancer should send nothing then.
/// </summary>
internal sealed class HttpEndpointServingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return Task.FromResult(HealthCheckResult.Unhealthy("the interactions endpoint is shutting down"));
        return Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("the interactions endpoint is serving")
            : HealthCheckResult.Unhealthy("the interactions endpoint is not serving yet"));
    }
}
