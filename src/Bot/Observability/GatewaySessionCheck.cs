using Bot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Observability;

/// <summary>Ready (gateway): the session is READY or RESUMED, so interactions are being delivered.</summary>
internal sealed class GatewaySessionCheck(GatewayStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = status.State;
        var description = $"gateway {state.ToString().ToLowerInvariant()}";
        return Task.FromResult(status.IsSessionLive ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}
