using Bot.Discord.Models.Gateway;
using Bot.Discord.Rest;

namespace Bot.Discord.Gateway;

/// <summary>
/// Settings of <see cref="GatewayClient"/>, bound from the <c>Discord</c> configuration section, the same
/// section (and so the same <c>Discord:Token</c> and <c>Discord:UserAgent</c>) as <see cref="DiscordRestOptions"/>.
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token, with or without the <c>Bot </c> prefix (Identify sends it without).</summary>
    public string Token { get; set; } = "";

    /// <summary>A <c>ws://</c> or <c>wss://</c> URL to use instead of asking <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>
    /// None by default: INTERACTION_CREATE belongs to no intent and is always delivered, and every
    /// intent asked for is traffic the bot would only throw away.
    /// </summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.None;

    /// <summary>Zero-based; below <see cref="ShardCount"/>.</summary>
    public int ShardId { get; set; }

    /// <summary>1 = no sharding, and Identify then carries no <c>shard</c> field.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>Sent on the WebSocket handshake, as on REST calls: some Discord-compatible servers refuse a handshake without one.</summary>
    public string UserAgent { get; set; } = DiscordRestOptions.DefaultUserAgent;

    // Timings below are Discord's or ours, not an operator's choice; tests shorten them.

    /// <summary>First reconnect delay after a failure; doubles per failure, with jitter.</summary>
    internal TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>INVALID_SESSION (not resumable) is followed by a random wait in [min, max] before identifying again.</summary>
    internal TimeSpan MinInvalidSessionDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan MaxInvalidSessionDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a closing handshake may take before the socket is dropped.</summary>
    internal TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Discord sends HELLO at once; a connection that has not opened and said HELLO by then is dead.</summary>
    internal TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Source of heartbeat and back-off jitter; tests pin it.</summary>
    internal Random Random { get; set; } = Random.Shared;

    /// <summary>The token as Identify and Resume carry it.</summary>
    internal string GatewayToken => Token.StartsWith("Bot ", StringComparison.Ordinal) ? Token[4..] : Token;

    internal Shard? Shard => ShardCount > 1 ? new Shard(ShardId, ShardCount) : null;

    /// <summary>Problems with these settings, each naming the setting as configured; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Token))
        {
            problems.Add($"{Key(nameof(Token))} is empty: set {EnvironmentKey(nameof(Token))} to the token from the Discord developer portal's Bot page.");
        }

        if (!string.IsNullOrEmpty(GatewayUrl)
            && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeWs && url.Scheme != Uri.UriSchemeWss)))
        {
            problems.Add($"{Key(nameof(GatewayUrl))} '{GatewayUrl}' is not an absolute ws:// or wss:// URL; leave it empty to ask Discord (GET /gateway/bot).");
        }

        if (ShardCount < 1)
        {
            problems.Add($"{Key(nameof(ShardCount))} is {ShardCount}; it must be at least 1 (1 = no sharding).");
        }
        else if (ShardId < 0 || ShardId >= ShardCount)
        {
            problems.Add($"{Key(nameof(ShardId))} is {ShardId}; it must be at least 0 and below {Key(nameof(ShardCount))} ({ShardCount}).");
        }

        if (Intents < 0)
        {
            problems.Add($"{Key(nameof(Intents))} is negative; use 0 for a commands-only bot.");
        }

        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay
            || MinInvalidSessionDelay < TimeSpan.Zero || MaxInvalidSessionDelay < MinInvalidSessionDelay
            || CloseTimeout <= TimeSpan.Zero || HelloTimeout <= TimeSpan.Zero)
        {
            problems.Add("Gateway timings are inconsistent (a delay is negative or a maximum is below its minimum).");
        }

        return problems;
    }

    public override string ToString() =>
        $"GatewayOptions {{ Token = {(string.IsNullOrEmpty(Token) ? "(empty)" : "(set)")}, GatewayUrl = {GatewayUrl ?? "(GET /gateway/bot)"}, "
        + $"Intents = {Intents}, Shard = {ShardId}/{ShardCount}, UserAgent = {UserAgent} }}";

    internal static string Key(string setting) => $"{SectionName}:{setting}";

    internal static string EnvironmentKey(string setting) => $"{SectionName}__{setting}";
}
