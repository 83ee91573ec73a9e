using Bot.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Observability;

/// <summary>Ready: the knowledge index is built; before that every answer would be "I don't know".</summary>
internal sealed class KnowledgeLoadedCheck(KnowledgeStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsReady
            ? HealthCheckResult.Healthy("the knowledge index is loaded")
            : HealthCheckResult.Unhealthy("the knowledge index is still being built"));
}
