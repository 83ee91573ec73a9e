using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Observability;

/// <summary>
/// A <c>;</c>-separated list of URLs for Kestrel to listen on (<c>http://127.0.0.1:9464</c>,
/// <c>http://*:9464</c>, <c>http://[::1]:9464</c>), read far enough to compare their ports.
/// </summary>
internal static partial class ListenerUrls
{
    public static string[] Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The port <paramref name="url"/> listens on (80 or 443 when it names none), or null when it is not a URL Kestrel takes.</summary>
    public static int? Port(string url)
    {
        var match = UrlPattern().Match(url);
        if (!match.Success)
            return null;
        if (!match.Groups["port"].Success)
            return match.Groups["scheme"].Value.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
        var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        return port <= 65535 ? port : null;
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]/]+\]|[^/:\[\]\s]+)(:(?<port>\d{1,5}))?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
