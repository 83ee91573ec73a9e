using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Observability;

/// <summary>
/// Live: interactions are taken and handled. Unhealthy when an interaction has waited
/// <c>Observability:StalledWorkersAfter</c> for a handler and no handler finished one meanwhile (every
/// handler held by work that does not return), or when the gateway's queue has not been read for that long.
/// </summary>
internal sealed class WorkersDrainingCheck(InteractionQueue queue, InteractionAdmission admission, IOptions<ObservabilityOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var after = options.Value.StalledWorkersAfter;
        var untaken = queue.OldestWaiting(time);
        var description = (admission.OldestWaiting is { } oldest
                              ? $"{admission.Waiting} waiting for a handler, the oldest for {GatewayHeartbeatCheck.Seconds(oldest)}"
                              : "nothing waiting for a handler")
                          + $"; {admission.Running} running, the last one finished {GatewayHeartbeatCheck.Seconds(admission.SinceLastFinished)} ago"
                          + (untaken is { } notTaken ? $"; {queue.Count} not taken from the gateway's queue, the oldest for {GatewayHeartbeatCheck.Seconds(notTaken)}" : "");
        return Task.FromResult(untaken > after || admission.IsStalled(after)
            ? HealthCheckResult.Unhealthy(description)
            : HealthCheckResult.Healthy(description));
    }
}
