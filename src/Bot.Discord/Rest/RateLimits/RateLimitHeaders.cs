using System.Globalization;
using System.Net.Http.Headers;

namespace Bot.Discord.Rest.RateLimits;

/// <summary>The rate-limit headers of one response. <c>X-RateLimit-Reset</c> (wall clock) is ignored for <c>Reset-After</c>, which needs no synchronised clock.</summary>
public sealed record RateLimitHeaders
{
    public int? Limit { get; init; }

    public int? Remaining { get; init; }

    public TimeSpan? ResetAfter { get; init; }

    /// <summary>Opaque id shared by routes with one limit.</summary>
    public string? Bucket { get; init; }

    /// <summary>On 429: <c>user</c>, <c>global</c> or <c>shared</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>On 429: <c>X-RateLimit-Global: true</c>.</summary>
    public bool Global { get; init; }

    /// <summary>On 429: <c>Retry-After</c> in seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the response describes its bucket (limit, remaining and reset).</summary>
    public bool DescribesBucket => Limit is not null && Remaining is not null && ResetAfter is not null;

    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new()
    {
        Limit = ReadInt(headers, "X-RateLimit-Limit"),
        Remaining = ReadInt(headers, "X-RateLimit-Remaining"),
        ResetAfter = ReadSeconds(headers, "X-RateLimit-Reset-After"),
        Bucket = ReadString(headers, "X-RateLimit-Bucket"),
        Scope = ReadString(headers, "X-RateLimit-Scope"),
        Global = string.Equals(ReadString(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        RetryAfter = ReadSeconds(headers, "Retry-After"),
    };

    private static string? ReadString(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        int.TryParse(ReadString(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static TimeSpan? ReadSeconds(HttpResponseHeaders headers, string name) =>
        double.TryParse(ReadString(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
