using System.Globalization;

namespace Bot.Discord.Http;

/// <summary>Settings of the HTTP interactions endpoint (section <c>Discord</c>).</summary>
public sealed record HttpInteractionsOptions
{
    public const string Section = "Discord";

    public const string DefaultHttpPath = "/interactions";

    public const string DefaultHealthPath = "/healthz";

    public const int DefaultMaxBodyBytes = 64 * 1024;

    public const int MinMaxBodyBytes = 1024;

    public const int MaxMaxBodyBytes = 16 * 1024 * 1024;

    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Discord invalidates an interaction whose initial response has not arrived within 3 seconds.</summary>
    public static readonly TimeSpan DefaultInitialResponseTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The application's public key, 64 hex characters (developer portal → General Information → Public Key).</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>Where Discord POSTs interactions; the portal's Interactions Endpoint URL ends with it.</summary>
    public string HttpPath { get; set; } = DefaultHttpPath;

    /// <summary>Readiness probe: 200 "ready" once the bot can answer, 503 before.</summary>
    public string HealthPath { get; set; } = DefaultHealthPath;

    /// <summary>Larger requests are refused (413) without being read to the end.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// How far <c>X-Signature-Timestamp</c> may be from our clock, either way. A captured request replayed
    /// later fails this even though its signature is genuine.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = DefaultMaxClockSkew;

    /// <summary>
    /// How long, from a request's arrival, the endpoint waits for the dispatcher's initial response before
    /// answering 503. After Discord's 3 s any answer is useless, so waiting longer only holds connections.
    /// </summary>
    public TimeSpan InitialResponseTimeout { get; set; } = DefaultInitialResponseTimeout;

    /// <summary>Problems with these settings, each naming the setting and how to fix it; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Ed25519Verifier.DescribeInvalidPublicKey(PublicKey) is { } keyProblem)
        {
            problems.Add($"{Section}:{nameof(PublicKey)} is unusable: {keyProblem}. Copy the application's Public Key " +
                "from the Discord developer portal (General Information → Public Key), e.g. with the environment variable Discord__PublicKey.");
        }

        CheckPath(problems, nameof(HttpPath), HttpPath, DefaultHttpPath);
        CheckPath(problems, nameof(HealthPath), HealthPath, DefaultHealthPath);
        if (string.Equals(HttpPath, HealthPath, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{Section}:{nameof(HttpPath)} and {Section}:{nameof(HealthPath)} are both '{HttpPath}'; they must differ.");
        }

        if (MaxBodyBytes is < MinMaxBodyBytes or > MaxMaxBodyBytes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:{nameof(MaxBodyBytes)} is {MaxBodyBytes}; it must be between {MinMaxBodyBytes} and {MaxMaxBodyBytes} (default {DefaultMaxBodyBytes})."));
        }

        if (MaxClockSkew <= TimeSpan.Zero || MaxClockSkew > TimeSpan.FromHours(1))
        {
            problems.Add($"{Section}:{nameof(MaxClockSkew)} is {MaxClockSkew}; it must be above 0 and at most 01:00:00 (default {DefaultMaxClockSkew}).");
        }

        if (InitialResponseTimeout <= TimeSpan.Zero || InitialResponseTimeout > DefaultInitialResponseTimeout)
        {
            problems.Add($"{Section}:{nameof(InitialResponseTimeout)} is {InitialResponseTimeout}; it must be above 0 and at most Discord's " +
                $"{DefaultInitialResponseTimeout} window (default {DefaultInitialResponseTimeout}).");
        }

        return problems;
    }

    private static void CheckPath(List<string> problems, string setting, string? path, string example)
    {
        // The path becomes a route pattern: braces would make it a template, and a query or fragment can never match.
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.AsSpan().IndexOfAny("?#{}* ") >= 0)
        {
            problems.Add($"{Section}:{setting} '{path}' must be a path starting with '/', without '?', '#', braces, '*' or spaces, such as '{example}'.");
        }
    }
}
