namespace Bot.Discord.Gateway;

/// <summary>Gateway URLs as connected to: with <c>?v=10&amp;encoding=json</c>, whatever the URL already carried.</summary>
internal static class GatewayUri
{
    public const string Query = "v=10&encoding=json";

    /// <summary>The URL with our version and encoding; other query parameters are kept. Null when it is not a ws(s) URL.</summary>
    public static Uri? ForConnecting(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeWs && uri.Scheme != Uri.UriSchemeWss))
            return null;

        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith("v=", StringComparison.Ordinal) && !pair.StartsWith("encoding=", StringComparison.Ordinal));
        return new UriBuilder(uri) { Query = string.Join('&', kept.Prepend(Query)) }.Uri;
    }
}
