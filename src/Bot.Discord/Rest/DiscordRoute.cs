using System.Text.RegularExpressions;

namespace Bot.Discord.Rest;

/// <summary>
/// One REST operation the client calls: its method and path template (parameter names as in
/// Discord's OpenAPI description), and what the rate limiter needs to know about it.
/// </summary>
/// <param name="OperationId">The operation's <c>operationId</c> in Discord's OpenAPI description.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Template">Path below the base URL, e.g. <c>/channels/{channel_id}/messages</c>.</param>
public sealed partial record DiscordRoute(string OperationId, HttpMethod Method, string Template)
{
    public RouteAuth Auth { get; init; } = RouteAuth.BotToken;

    /// <summary>Interaction callbacks and <c>/webhooks/{application.id}/{token}…</c> do not count toward the global limit.</summary>
    public bool ExemptFromGlobalLimit { get; init; }

    /// <summary>Path parameters that split the route's bucket (Discord's "top-level" ids: channel, guild, webhook id + token).</summary>
    public IReadOnlyList<string> MajorParameters { get; init; } = [];

    /// <summary>Query parameters the client may add.</summary>
    public IReadOnlyList<string> QueryParameters { get; init; } = [];

    /// <summary>True when the client sends a JSON body.</summary>
    public bool HasJsonBody { get; init; }

    /// <summary>Names of the path parameters, in order.</summary>
    public IReadOnlyList<string> Parameters { get; } =
        ParameterPattern().Matches(Template).Select(match => match.Groups[1].Value).ToArray();

    /// <summary>Identifies the route for rate limiting until Discord names its bucket.</summary>
    public string Key => $"{Method.Method} {Template}";

    /// <summary>Fills the path parameters in order; values are escaped.</summary>
    public BoundRoute Bind(params ReadOnlySpan<string> values)
    {
        if (values.Length != Parameters.Count)
            throw new ArgumentException($"{OperationId} takes {Parameters.Count} path parameters, got {values.Length}.", nameof(values));

        var path = Template;
        var major = new List<string>(MajorParameters.Count);
        for (var i = 0; i < values.Length; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
                throw new ArgumentException($"{OperationId}: path parameter {Parameters[i]} is empty.", nameof(values));

            path = path.Replace("{" + Parameters[i] + "}", Uri.EscapeDataString(values[i]), StringComparison.Ordinal);
            if (MajorParameters.Contains(Parameters[i]))
                major.Add(values[i]);
        }

        return new BoundRoute(this, path, string.Join('/', major));
    }

    public override string ToString() => $"{Method.Method} {Template} ({OperationId})";

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex ParameterPattern();
}
