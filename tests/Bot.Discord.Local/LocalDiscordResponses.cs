using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>Answers as Discord (or the proxy in front of it) gives them, for scripting <see cref="LocalDiscordServer"/>.</summary>
public static class LocalDiscordResponses
{
    /// <summary>
    /// A 429 with the body of <c>rate_limit_429_{scope}.json</c> (its <c>retry_after</c> replaced) and the
    /// headers the docs show: <c>Retry-After</c>, <c>X-RateLimit-Scope</c>, and for <c>global</c>
    /// <c>X-RateLimit-Global: true</c> without bucket headers; otherwise the route's bucket headers with
    /// <c>Remaining: 0</c>.
    /// </summary>
    public static ScriptedResponse RateLimited(string scope, double retryAfterSeconds, bool bucketHeaders = true)
    {
        var body = JsonNode.Parse(FixtureFiles.Read($"rate_limit_429_{scope}.json"))!.AsObject();
        body["retry_after"] = retryAfterSeconds;
        var seconds = retryAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = scope,
        };
        if (scope == "global")
        {
            headers["X-RateLimit-Global"] = "true";
        }
        else if (bucketHeaders)
        {
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = seconds;
        }

        return new ScriptedResponse(429, body.ToJsonString()) { Headers = headers, WithBucketHeaders = bucketHeaders && scope != "global" };
    }

    /// <summary>A 429 whose only hint is <c>Retry-After</c> (whole seconds): no JSON body, no bucket headers (as a proxy may send).</summary>
    public static ScriptedResponse RateLimitedByHeaderOnly(int retryAfterSeconds) => new(429, null)
    {
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) },
    };

    /// <summary>What Cloudflare answers when Discord's backend is away: HTML, not JSON.</summary>
    public static ScriptedResponse BadGateway() => new(
        502,
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n",
        "text/html");

    public static ScriptedResponse ServiceUnavailable() => Error(503, 0, "503: Service Unavailable");

    public static ScriptedResponse InternalServerError() => Error(500, 0, "500: Internal Server Error");

    public static ScriptedResponse Unauthorized() => Error(401, 0, "401: Unauthorized");

    public static ScriptedResponse NotFound() => Error(404, 0, "404: Not Found");

    public static ScriptedResponse UnknownInteraction() => Error(404, 10062, "Unknown interaction");

    public static ScriptedResponse UnknownChannel() => Error(404, 10003, "Unknown Channel");

    public static ScriptedResponse AlreadyAcknowledged() => Error(400, 40060, "Interaction has already been acknowledged.");

    public static ScriptedResponse MissingPermissions() => Error(403, 50013, "Missing Permissions");

    public static ScriptedResponse MissingAccess() => Error(403, 50001, "Missing Access");

    public static ScriptedResponse MaximumPins() => Error(400, 30003, "Maximum number of pins reached (250)");

    /// <summary>A 400 with one of the <c>error_50035_*.json</c> fixtures.</summary>
    public static ScriptedResponse InvalidFormBody(string fixture) => new(400, FixtureFiles.Read(fixture));

    public static ScriptedResponse Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString());
}
