using System.Text;

namespace Bot.Hosting;

/// <summary>
/// The <c>Discord</c> section as the host sees it: what identifies the bot and where Discord is.
/// The REST client and the gateway bind their own settings from the same section; this is the
/// part the host needs to register commands and to tell a new user what is missing.
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed record DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token: from the environment (<c>Discord__Token</c>) or user secrets, never a committed file.</summary>
    public string Token { get; set; } = "";

    /// <summary>The application's id (developer portal → General Information); commands are registered under it.</summary>
    public ulong ApplicationId { get; set; }

    /// <summary>Register commands to this guild only: instant, for development. Global registration otherwise.</summary>
    public ulong? GuildId { get; set; }

    /// <summary>Discord's REST API, with its version; tests and proxies point it elsewhere.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The gateway URL; empty means ask <c>GET /gateway/bot</c>, as Discord wants.</summary>
    public string? GatewayUrl { get; set; }

    public const string DefaultHttpUrls = "http://127.0.0.1:8080";

    /// <summary>How interactions reach the bot: the gateway (default; no public URL needed) or Discord's HTTP POSTs.</summary>
    public DiscordTransport Transport { get; set; } = DiscordTransport.Gateway;

    /// <summary>Http transport: where Kestrel listens, <c>;</c>-separated. Behind a reverse proxy that terminates TLS.</summary>
    public string HttpUrls { get; set; } = DefaultHttpUrls;

    /// <summary>Http transport: the application's public key (developer portal → General Information), hex; verifies every request.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>What a new user has to set before the bot can connect, one sentence each; empty when nothing.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Token))
            missing.Add("Discord:Token is not set. Put the bot token (developer portal → your application → Bot → Reset Token) in the environment variable Discord__Token, or run: dotnet user-secrets set Discord:Token <token> --project src/Bot");
        if (ApplicationId == 0)
            missing.Add("Discord:ApplicationId is not set. Put the application id (developer portal → General Information → Application ID) in Discord__ApplicationId or in appsettings.json");
        if (Transport == DiscordTransport.Http && string.IsNullOrWhiteSpace(PublicKey))
            missing.Add("Discord:PublicKey is not set. The Http transport verifies every request with it: put the application's public key (developer portal → General Information → Public Key) in Discord__PublicKey");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            missing.Add($"Discord:ApiBaseUrl '{ApiBaseUrl}' is not an absolute http(s) URL.");
        if (!string.IsNullOrWhiteSpace(GatewayUrl)
            && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
            missing.Add($"Discord:GatewayUrl '{GatewayUrl}' is not an absolute ws(s) URL.");
        return missing;
    }

    // Records print every property: keep the token out of ToString, and so out of any log that prints options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"{nameof(Token)} = {(string.IsNullOrEmpty(Token) ? "(empty)" : "(set)")}, ");
        builder.Append($"{nameof(ApplicationId)} = {ApplicationId}, {nameof(GuildId)} = {GuildId}, ");
        builder.Append($"{nameof(ApiBaseUrl)} = {ApiBaseUrl}, {nameof(GatewayUrl)} = {GatewayUrl}, ");
        builder.Append($"{nameof(Transport)} = {Transport}, {nameof(HttpUrls)} = {HttpUrls}, {nameof(PublicKey)} = {PublicKey}");
        return true;
    }
}

/// <summary>How Discord delivers interactions: exactly one per application (PROTOCOL.md §5.1).</summary>
public enum DiscordTransport
{
    /// <summary>An outgoing WebSocket: one process, no public URL.</summary>
    Gateway,

    /// <summary>Discord POSTs each interaction to a public HTTPS URL: stateless, any number of replicas.</summary>
    Http,
}
