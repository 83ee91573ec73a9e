using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Gateway;
using Bot.Settings;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// The <c>Discord</c> configuration section, whole: what identifies the bot, how interactions reach
/// it (the gateway, or the HTTP endpoint's settings), the REST client's and the gateway's settings,
/// and <see cref="Interactions"/> (<c>Discord:Interactions</c>). Checked at start-up by
/// <see cref="DiscordOptionsValidator"/>; a setting only some parts need (the token, the application
/// id) is required by the registration of those parts. <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    public const string DefaultUserAgent = "DiscordBot (https://example.org/beyond-utopia-bot, 1.0)";

    public const string DefaultHttpUrls = "http://127.0.0.1:8080";

    public const string DefaultHttpPath = "/interactions";

    public const string DefaultHealthPath = "/healthz";

    public const int DefaultMaxBodyBytes = 64 * 1024;

    public const int MinMaxBodyBytes = 1024;

    public const int MaxMaxBodyBytes = 16 * 1024 * 1024;

    public const int PublicKeyHexLength = 64;

    public const int DefaultHttpMaxConnections = 1000;

    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Discord invalidates an interaction whose initial response has not arrived within 3 seconds.</summary>
    public static readonly TimeSpan DefaultInitialResponseTimeout = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan DefaultResumeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The bot token, with or without the <c>Bot </c> prefix: from the environment (<c>Discord__Token</c>)
    /// or user secrets, never a committed file. Never logged, never put in a message.
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// A file holding the token instead of <see cref="Token"/> (systemd's <c>LoadCredential=</c>, a mounted
    /// secret): read once at start-up by <see cref="TokenFileReader"/>, surrounding whitespace dropped.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>Why <see cref="TokenFile"/> gave no token, or null; set by <see cref="TokenFileReader"/>, reported at start-up.</summary>
    internal string? TokenFileProblem { get; set; }

    /// <summary>The application's id (developer portal → General Information); commands are registered under it.</summary>
    public ulong ApplicationId { get; set; }

    /// <summary>Register commands to this guild only: instant, for development. Global registration otherwise.</summary>
    public ulong? GuildId { get; set; }

    /// <summary>How interactions reach the bot: the gateway (default; no public URL needed) or Discord's HTTP POSTs.</summary>
    public DiscordTransport Transport { get; set; } = DiscordTransport.Gateway;

    /// <summary>Http transport: where Kestrel listens, <c>;</c>-separated. Behind a reverse proxy that terminates TLS.</summary>
    public string HttpUrls { get; set; } = DefaultHttpUrls;

    /// <summary>
    /// Http transport: the application's public key, 64 hex characters (developer portal → General
    /// Information → Public Key); verifies every request.
    /// </summary>
    public string PublicKey { get; set; } = "";

    // Both paths become route patterns: braces would make one a template, and a query or fragment can never match.

    /// <summary>Http transport: where Discord POSTs interactions; the portal's Interactions Endpoint URL ends with it.</summary>
    [SettingPattern("^/[^?#{}* ]*$", ErrorMessage = "Discord:HttpPath '{0}' must be a path starting with '/', without '?', '#', braces, '*' or spaces, such as '/interactions'.")]
    public string HttpPath { get; set; } = DefaultHttpPath;

    /// <summary>Http transport: the readiness probe, 200 "ready" once the bot can answer, 503 before.</summary>
    [SettingPattern("^/[^?#{}* ]*$", ErrorMessage = "Discord:HealthPath '{0}' must be a path starting with '/', without '?', '#', braces, '*' or spaces, such as '/healthz'.")]
    public string HealthPath { get; set; } = DefaultHealthPath;

    /// <summary>Http transport: larger requests are refused (413) without being read to the end.</summary>
    [SettingRange(MinMaxBodyBytes, MaxMaxBodyBytes, ErrorMessage = "Discord:MaxBodyBytes is {0}; it must be between 1024 and 16777216 (default 65536).")]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Http transport: how far <c>X-Signature-Timestamp</c> may be from our clock, either way. A captured
    /// request replayed later fails this even though its signature is genuine.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true,
        ErrorMessage = "Discord:MaxClockSkew is {0}; it must be above 0 and at most 01:00:00 (default 00:05:00).")]
    public TimeSpan MaxClockSkew { get; set; } = DefaultMaxClockSkew;

    /// <summary>
    /// Http transport: how long, from a request's arrival, the endpoint waits for the dispatcher's initial
    /// response before answering 503. After Discord's 3 s any answer is useless, so waiting longer only holds connections.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:00:03", MinimumIsExclusive = true,
        ErrorMessage = "Discord:InitialResponseTimeout is {0}; it must be above 0 and at most Discord's 00:00:03 window (default 00:00:03).")]
    public TimeSpan InitialResponseTimeout { get; set; } = DefaultInitialResponseTimeout;

    /// <summary>
    /// Http transport: connections Kestrel keeps open at once; more are closed as they come. Admission answers
    /// every request within <c>Discord:Interactions:DeferAfter</c>, so Discord needs about one per interaction
    /// per second; the bound keeps a flood of idle or slow connections from holding the bot's memory.
    /// </summary>
    [SettingRange(1, 1_000_000, ErrorMessage = "Discord:HttpMaxConnections is {0}; it must be between 1 and 1000000 (default 1000).")]
    public int HttpMaxConnections { get; set; } = DefaultHttpMaxConnections;

    /// <summary>Discord's REST API, always with the version (without <c>/v10</c> Discord falls back to an old default); tests and proxies point it elsewhere.</summary>
    [SettingUrl("https", "http", ErrorMessage = "Discord:ApiBaseUrl '{0}' is not an absolute http(s) URL; the default is " + DefaultApiBaseUrl + ".")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// Sent on REST calls and on the gateway's WebSocket handshake (some Discord-compatible servers refuse a
    /// handshake without one). Discord requires <c>DiscordBot ($url, $versionNumber)</c>; more text may follow.
    /// </summary>
    [SettingPattern(@"^DiscordBot \([^\s,()]+, [^\s()][^()]*\).*$", ErrorMessage = "Discord:UserAgent '{0}' must look like 'DiscordBot (https://your.site, 1.0)'.")]
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// REST: tries per request, the first included, for 429 and 502/503/504 answers and network failures
    /// (a POST that timed out is not repeated: it may have been processed).
    /// </summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "Discord:MaxAttempts is {0}; it must be at least 1 (default 4).")]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// REST: the longest a request waits for a rate limit (a 429's <c>retry_after</c>, an empty bucket or a
    /// global pause). Longer waits come back as <see cref="Rest.DiscordRestErrorKind.RateLimitedTooLong"/> at
    /// once: an interaction reply that waits a minute is useless anyway.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", ErrorMessage = "Discord:MaxRateLimitWait is {0}; it must not be negative (default 00:00:30).")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>REST: first back-off after a 502/503/504 or a network failure; it doubles per try, with jitter.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", ErrorMessage = "Discord:ServerErrorBackoff is {0}; it must not be negative (default 00:00:00.500).")]
    public TimeSpan ServerErrorBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>REST: cap of the back-off; not below <see cref="ServerErrorBackoff"/>.</summary>
    public TimeSpan MaxServerErrorBackoff { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>REST: Discord's global limit per bot; interaction callbacks and interaction webhooks are exempt.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "Discord:GlobalRequestsPerSecond is {0}; it must be at least 1 (default 50).")]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Gateway: a <c>ws://</c> or <c>wss://</c> URL to use instead of asking <c>GET /gateway/bot</c>, as Discord wants.</summary>
    [SettingUrl("wss", "ws", Optional = true, ErrorMessage = "Discord:GatewayUrl '{0}' is not an absolute ws:// or wss:// URL; leave it empty to ask Discord (GET /gateway/bot).")]
    public string? GatewayUrl { get; set; }

    /// <summary>
    /// Gateway: none by default. INTERACTION_CREATE belongs to no intent and is always delivered, and every
    /// intent asked for is traffic the bot would only throw away.
    /// </summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = "Discord:Intents is negative; use 0 for a commands-only bot.")]
    public GatewayIntents Intents { get; set; } = GatewayIntents.None;

    /// <summary>Gateway: zero-based; below <see cref="ShardCount"/>.</summary>
    public int ShardId { get; set; }

    /// <summary>Gateway: 1 = no sharding, and Identify then carries no <c>shard</c> field.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "Discord:ShardCount is {0}; it must be at least 1 (1 = no sharding).")]
    public int ShardCount { get; set; } = 1;

    /// <summary>
    /// Gateway: how long a RESUME may go without an answer (RESUMED, INVALID_SESSION or a replayed event)
    /// before the bot gives the session up and identifies anew. A server that acknowledges heartbeats but
    /// never answers would otherwise leave the bot connected and deaf.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:10:00", MinimumIsExclusive = true,
        ErrorMessage = "Discord:ResumeTimeout is {0}; it must be above 0 and at most 00:10:00 (default 00:00:30).")]
    public TimeSpan ResumeTimeout { get; set; } = DefaultResumeTimeout;

    /// <summary>The interaction dispatcher and its workers (<c>Discord:Interactions</c>).</summary>
    [ValidateObjectMembers]
    public InteractionOptions Interactions { get; set; } = new();

    // Gateway timings below are Discord's or ours, not an operator's choice (internal, so never
    // bound from configuration); tests shorten them.

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

    /// <summary>The value of the REST <c>Authorization</c> header.</summary>
    internal string AuthorizationHeader => Token.StartsWith("Bot ", StringComparison.Ordinal) ? Token : "Bot " + Token;

    /// <summary>The token as Identify and Resume carry it.</summary>
    internal string GatewayToken => Token.StartsWith("Bot ", StringComparison.Ordinal) ? Token[4..] : Token;

    internal Shard? Shard => ShardCount > 1 ? new Shard(ShardId, ShardCount) : null;

    /// <summary>Why <paramref name="publicKeyHex"/> cannot be an Ed25519 public key, or null when it can.</summary>
    public static string? DescribeInvalidPublicKey(string? publicKeyHex)
    {
        if (string.IsNullOrEmpty(publicKeyHex))
            return "the public key is empty";

        if (publicKeyHex.Length != PublicKeyHexLength)
            return $"the public key has {publicKeyHex.Length} characters; it must be {PublicKeyHexLength} hex characters (32 bytes)";

        Span<byte> raw = stackalloc byte[PublicKeyHexLength / 2];
        return Convert.FromHexString(publicKeyHex, raw, out _, out _) == OperationStatus.Done
            ? null
            : "the public key has a character that is not hexadecimal (0-9, a-f)";
    }

    /// <summary>The rules between settings, which no attribute on one of them can state.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (TokenFileProblem is not null)
            yield return new(TokenFileProblem);

        // A shard count below 1 has its own message; the id is only judged against a usable count.
        if (ShardCount >= 1 && (ShardId < 0 || ShardId >= ShardCount))
            yield return new($"{Key(nameof(ShardId))} is {ShardId}; it must be at least 0 and below {Key(nameof(ShardCount))} ({ShardCount}).");

        if (string.Equals(HttpPath, HealthPath, StringComparison.OrdinalIgnoreCase))
            yield return new($"{Key(nameof(HttpPath))} and {Key(nameof(HealthPath))} are both '{HttpPath}'; they must differ.");

        if (MaxServerErrorBackoff < ServerErrorBackoff)
            yield return new($"{Key(nameof(MaxServerErrorBackoff))} is {MaxServerErrorBackoff}; it must not be below {Key(nameof(ServerErrorBackoff))} ({ServerErrorBackoff}).");

        // Only the Http transport verifies requests; the gateway never needs the key.
        if (Transport == DiscordTransport.Http && DescribeInvalidPublicKey(PublicKey) is { } keyProblem)
        {
            yield return new($"{Key(nameof(PublicKey))} is unusable: {keyProblem}. The Http transport verifies every request with it: put the application's " +
                $"public key (developer portal → General Information → Public Key) in {EnvironmentKey(nameof(PublicKey))}.");
        }

        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay
            || MinInvalidSessionDelay < TimeSpan.Zero || MaxInvalidSessionDelay < MinInvalidSessionDelay
            || CloseTimeout <= TimeSpan.Zero || HelloTimeout <= TimeSpan.Zero)
        {
            yield return new("Gateway timings are inconsistent (a delay is negative or a maximum is below its minimum).");
        }
    }

    public override string ToString() =>
        $"DiscordOptions {{ Token = {(string.IsNullOrEmpty(Token) ? "(empty)" : "(set)")}, TokenFile = {TokenFile ?? "(none)"}, ApplicationId = {ApplicationId}, GuildId = {GuildId}, "
        + $"Transport = {Transport}, ApiBaseUrl = {ApiBaseUrl}, GatewayUrl = {GatewayUrl ?? "(GET /gateway/bot)"}, Intents = {Intents}, "
        + $"Shard = {ShardId}/{ShardCount}, UserAgent = {UserAgent} }}";

    /// <summary>The setting's configuration key, as messages name it.</summary>
    internal static string Key(string setting) => $"{Section}:{setting}";

    /// <summary>The setting's environment variable.</summary>
    internal static string EnvironmentKey(string setting) => $"{Section}__{setting}";
}
