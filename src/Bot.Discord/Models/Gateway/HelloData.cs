namespace Bot.Discord.Models.Gateway;

/// <summary>The <c>d</c> of op 10 Hello.</summary>
public sealed record HelloData
{
    /// <summary>Milliseconds between heartbeats.</summary>
    public int HeartbeatInterval { get; init; }
}
