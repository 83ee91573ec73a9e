namespace Bot.Discord.Models.Gateway;

/// <summary>The <c>d</c> of op 2 Identify.</summary>
public sealed record IdentifyData
{
    /// <summary>The bot token, without the <c>Bot </c> prefix.</summary>
    public string Token { get; init; } = "";

    public required IdentifyConnectionProperties Properties { get; init; }

    /// <summary>Payload compression; leave unset unless zlib payloads are implemented.</summary>
    public bool? Compress { get; init; }

    /// <summary>50–250; members above this are not sent for large guilds.</summary>
    public int? LargeThreshold { get; init; }

    public Shard? Shard { get; init; }

    public PresenceUpdate? Presence { get; init; }

    public GatewayIntents Intents { get; init; }

    // The token must never reach a log through the record's generated ToString.
    public override string ToString() =>
        $"IdentifyData {{ Intents = {Intents}, Shard = {Shard}, Properties = {Properties} }}";
}
