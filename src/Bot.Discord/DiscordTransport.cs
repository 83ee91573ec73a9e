namespace Bot.Discord;

/// <summary>How Discord delivers interactions: exactly one per application (PROTOCOL.md §5.1).</summary>
public enum DiscordTransport
{
    /// <summary>An outgoing WebSocket: one process, no public URL.</summary>
    Gateway,

    /// <summary>Discord POSTs each interaction to a public HTTPS URL: stateless, any number of replicas.</summary>
    Http,
}
