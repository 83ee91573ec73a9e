using Bot.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Observability;

/// <summary>
/// Ready: the knowledge index is built; before that every answer would be "I don't know". A bot
/// that answers by words while its vectors are still being built is ready (a large folder's cold
/// start must not keep a replica out of the pool for minutes), and says so in the description.
/// </summary>
internal sealed class KnowledgeLoadedCheck(KnowledgeStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.State switch
        {
            IndexState.Hybrid => HealthCheckResult.Healthy("the knowledge index is loaded"),
            IndexState.LexicalOnly when store.Questions is not null =>
                HealthCheckResult.Healthy("the knowledge index is loaded; answering by words while the vectors are built"),
            IndexState.LexicalOnly => HealthCheckResult.Healthy("the knowledge index is loaded (words only: the sentence model is off)"),
            _ => HealthCheckResult.Unhealthy("the knowledge index is still being built"),
        });
}
