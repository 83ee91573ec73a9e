using Bot.Discord.Interactions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Observability;

/// <summary>
/// Live: the interaction workers drain the queue. Unhealthy when an interaction has waited
/// <c>Observability:StalledWorkersAfter</c> for a worker and no worker finished one meanwhile (every worker
/// held by a handler that does not return).
/// </summary>
internal sealed class WorkersDrainingCheck(InteractionQueue queue, WorkerProgress progress, IOptions<ObservabilityOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = queue.OldestWaiting(time);
        var description = waiting is { } oldest
            ? $"{queue.Count} queued, the oldest for {GatewayHeartbeatCheck.Seconds(oldest)}; last one finished {GatewayHeartbeatCheck.Seconds(progress.SinceLastFinished)} ago"
            : "nothing queued";
        return Task.FromResult(progress.IsStalled(queue, options.Value.StalledWorkersAfter)
            ? HealthCheckResult.Unhealthy(description)
            : HealthCheckResult.Healthy(description));
    }
}
