using Bot.Discord.Http;
using Bot.Knowledge;

namespace Bot.Hosting;

/// <summary>/healthz says ready once the knowledge index is built: before that, every answer would be "I don't know".</summary>
internal sealed class KnowledgeReadiness(KnowledgeStore store) : IReadinessCheck
{
    public bool IsReady => store.IsReady;
}
