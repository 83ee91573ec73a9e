namespace Bot.Discord.Models.Gateway;

/// <summary>Response of <c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBotResponse
{
    /// <summary>The WebSocket URL to connect to (add <c>?v=10&amp;encoding=json</c>).</summary>
    public string Url { get; init; } = "";

    /// <summary>Recommended number of shards.</summary>
    public int Shards { get; init; }

    public required SessionStartLimit SessionStartLimit { get; init; }
}
