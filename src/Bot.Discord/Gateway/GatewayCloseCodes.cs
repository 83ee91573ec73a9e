using Bot.Discord.Models.Gateway;

namespace Bot.Discord.Gateway;

/// <summary>What to do after a connection ends.</summary>
internal enum GatewayNextStep
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and send RESUME (falls back to Identify without a session).</summary>
    Resume,

    /// <summary>Forget the session, reconnect to the gateway URL and IDENTIFY.</summary>
    Identify,

    /// <summary>Discord will never accept this configuration: stop the host.</summary>
    Stop,

    /// <summary>The host is stopping.</summary>
    Shutdown,
}

/// <summary>
/// The one table of Discord's close codes (PROTOCOL.md §4.8): the table says only whether to reconnect,
/// so the rule is 4007/4009 → new session, 4004 and 4010–4014 → stop, anything else (other codes, our
/// own, a close without a code) → try to resume; a failed resume comes back as INVALID_SESSION.
/// </summary>
internal static class GatewayCloseCodes
{
    /// <summary>
    /// The code the client closes with when it means to resume: anything but 1000/1001, which end the
    /// session. 4000 is in the private-use range, so Discord reads nothing into it.
    /// </summary>
    public const int Reconnecting = 4000;

    /// <summary>
    /// Normal closure, which ends the session: at shutdown, and when a new session follows (a resume that
    /// went unanswered, INVALID_SESSION false), so Discord does not keep the old one alive meanwhile.
    /// </summary>
    public const int Normal = 1000;

    public static GatewayNextStep NextStep(int? closeCode) => closeCode switch
    {
        (int)GatewayCloseCode.InvalidSequence or (int)GatewayCloseCode.SessionTimedOut => GatewayNextStep.Identify,
        (int)GatewayCloseCode.AuthenticationFailed
            or (int)GatewayCloseCode.InvalidShard
            or (int)GatewayCloseCode.ShardingRequired
            or (int)GatewayCloseCode.InvalidApiVersion
            or (int)GatewayCloseCode.InvalidIntents
            or (int)GatewayCloseCode.DisallowedIntents => GatewayNextStep.Stop,
        _ => GatewayNextStep.Resume,
    };

    /// <summary>For a code that stops the host: one sentence saying what to fix.</summary>
    public static string WhatToFix(int closeCode, DiscordOptions options) => closeCode switch
    {
        (int)GatewayCloseCode.AuthenticationFailed =>
            $"Discord rejected the bot token (close 4004): set {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.Token))} to the token from the developer portal's Bot page",
        (int)GatewayCloseCode.InvalidShard =>
            $"Discord rejected the shard {options.ShardId}/{options.ShardCount} (close 4010): set {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.ShardCount))} to the count GET /gateway/bot recommends and {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.ShardId))} below it",
        (int)GatewayCloseCode.ShardingRequired =>
            $"Discord requires sharding (close 4011): the bot is in too many guilds for one connection; set {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.ShardCount))} to the count GET /gateway/bot recommends and run one instance per {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.ShardId))}",
        (int)GatewayCloseCode.InvalidApiVersion =>
            $"Discord rejected the gateway API version (close 4012): this build speaks v10; check that {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.GatewayUrl))} points to Discord's gateway, or leave it empty",
        (int)GatewayCloseCode.InvalidIntents =>
            $"Discord rejected the intents {(int)options.Intents} (close 4013): set {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.Intents))} to valid intent bits, or 0 for a commands-only bot",
        (int)GatewayCloseCode.DisallowedIntents =>
            $"Discord refused a privileged intent in {options.Intents} (close 4014): enable it on the developer portal's Bot page, or remove it from {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.Intents))} (0 is enough for slash commands)",
        _ => $"Discord closed the gateway with {closeCode}, which means the bot must not reconnect",
    };
}
