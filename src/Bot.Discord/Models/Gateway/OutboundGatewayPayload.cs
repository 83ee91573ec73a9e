using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Gateway;

/// <summary>A frame the bot sends: <c>{"op", "d"}</c> with typed data. <c>d</c> is always written, <c>null</c> included.</summary>
public sealed record OutboundGatewayPayload<TData>
{
    public GatewayOpcode Op { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TData D { get; init; } = default!;
}

/// <summary>Builds the frames the bot sends.</summary>
public static class OutboundGatewayPayload
{
    /// <summary>Op 1 with the last sequence number seen, or <c>null</c> before the first dispatch.</summary>
    public static OutboundGatewayPayload<int?> Heartbeat(int? lastSequence) =>
        new() { Op = GatewayOpcode.Heartbeat, D = lastSequence };

    public static OutboundGatewayPayload<IdentifyData> Identify(IdentifyData data) =>
        new() { Op = GatewayOpcode.Identify, D = data };

    public static OutboundGatewayPayload<ResumeData> Resume(ResumeData data) =>
        new() { Op = GatewayOpcode.Resume, D = data };

    public static OutboundGatewayPayload<PresenceUpdate> PresenceUpdate(PresenceUpdate data) =>
        new() { Op = GatewayOpcode.PresenceUpdate, D = data };
}
