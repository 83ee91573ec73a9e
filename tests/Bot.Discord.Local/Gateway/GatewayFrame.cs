using System.Text.Json.Nodes;

namespace Bot.Discord.Local.Gateway;

/// <summary>One gateway message as the local gateway received or sent it, with the server's time.</summary>
public sealed record GatewayFrame(int Op, string Json, DateTimeOffset At)
{
    public JsonNode? D => JsonNode.Parse(Json)?["d"];

    /// <summary>For dispatches: the event name.</summary>
    public string? T => (string?)JsonNode.Parse(Json)?["t"];

    public override string ToString() => $"op {Op}: {Json}";
}
