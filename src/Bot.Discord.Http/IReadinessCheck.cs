namespace Bot.Discord.Http;

/// <summary>
/// Whether the bot can answer interactions yet (the host answers with its knowledge index). Behind
/// <c>GET /healthz</c>, so a load balancer or orchestrator sends Discord's traffic only once it is.
/// </summary>
public interface IReadinessCheck
{
    bool IsReady { get; }
}
