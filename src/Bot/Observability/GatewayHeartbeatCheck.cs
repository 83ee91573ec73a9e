using Bot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Observability;

/// <summary>
/// Live (gateway): Discord keeps acknowledging heartbeats. Unhealthy after three intervals and
/// <c>Observability:HeartbeatGrace</c> without an ACK, when reconnecting has not brought the link back.
/// </summary>
internal sealed class GatewayHeartbeatCheck(GatewayStatus status, IOptions<ObservabilityOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.SinceLastAcknowledgement is not { } since || status.HeartbeatInterval is not { } interval)
            return Task.FromResult(HealthCheckResult.Healthy("not connected to the gateway yet"));
        var description = $"last heartbeat ACK {Seconds(since)} ago, heartbeat every {Seconds(interval)}";
        return Task.FromResult(status.HeartbeatsAcknowledged(options.Value.HeartbeatGrace)
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Unhealthy(description));
    }

    internal static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.#} s";
}
