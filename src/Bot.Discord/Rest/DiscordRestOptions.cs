using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Discord.Rest;

/// <summary>Settings of <see cref="DiscordRestClient"/>. <see cref="ToString"/> never shows the token.</summary>
public sealed partial record DiscordRestOptions
{
    public const string DefaultBaseUrl = "https://discord.com/api/v10";

    public const string DefaultUserAgent = "DiscordBot (https://example.org/beyond-utopia-bot, 1.0)";

    /// <summary>Always with the API version: without <c>/v10</c> Discord falls back to an old default.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The bot token, with or without the <c>Bot </c> prefix. Never logged, never put in a message.</summary>
    public string Token { get; set; } = "";

    /// <summary>Discord requires <c>DiscordBot ($url, $versionNumber)</c>; more text may follow.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// Tries per request, the first included, for 429 and 502/503/504 answers and network failures (a POST
    /// that timed out is not repeated: it may have been processed).
    /// </summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The longest a request waits for a rate limit (a 429's <c>retry_after</c>, an empty bucket or a
    /// global pause). Longer waits come back as <see cref="DiscordRestErrorKind.RateLimitedTooLong"/> at
    /// once: an interaction reply that waits a minute is useless anyway.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First back-off after a 502/503/504 or a network failure; it doubles per try, with jitter.</summary>
    public TimeSpan ServerErrorBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of the back-off.</summary>
    public TimeSpan MaxServerErrorBackoff { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Discord's global limit per bot; interaction callbacks and interaction webhooks are exempt.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>The value of the <c>Authorization</c> header.</summary>
    internal string AuthorizationHeader =>
        Token.StartsWith("Bot ", StringComparison.Ordinal) ? Token : "Bot " + Token;

    /// <summary>Problems with these settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Token))
        {
            problems.Add($"{nameof(DiscordRestOptions)}.{nameof(Token)} is empty: set the bot token from the Discord developer portal (Bot → Token).");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{nameof(DiscordRestOptions)}.{nameof(BaseUrl)} '{BaseUrl}' is not an absolute http(s) URL; the default is {DefaultBaseUrl}.");
        }

        if (!UserAgentPattern().IsMatch(UserAgent ?? ""))
        {
            problems.Add($"{nameof(DiscordRestOptions)}.{nameof(UserAgent)} '{UserAgent}' must look like 'DiscordBot (https://your.site, 1.0)'.");
        }

        if (MaxAttempts < 1)
        {
            problems.Add($"{nameof(DiscordRestOptions)}.{nameof(MaxAttempts)} must be at least 1.");
        }

        if (MaxRateLimitWait < TimeSpan.Zero || ServerErrorBackoff < TimeSpan.Zero || MaxServerErrorBackoff < ServerErrorBackoff)
        {
            problems.Add($"{nameof(DiscordRestOptions)}: waits must not be negative, and {nameof(MaxServerErrorBackoff)} must not be below {nameof(ServerErrorBackoff)}.");
        }

        if (GlobalRequestsPerSecond < 1)
        {
            problems.Add($"{nameof(DiscordRestOptions)}.{nameof(GlobalRequestsPerSecond)} must be at least 1.");
        }

        return problems;
    }

    // Records print every property: keep the token out of ToString, and so out of any log that prints options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"{nameof(BaseUrl)} = {BaseUrl}, {nameof(UserAgent)} = {UserAgent}, ");
        builder.Append($"{nameof(Token)} = {(string.IsNullOrEmpty(Token) ? "(empty)" : "(set)")}, ");
        builder.Append($"{nameof(MaxAttempts)} = {MaxAttempts}, {nameof(MaxRateLimitWait)} = {MaxRateLimitWait}, ");
        builder.Append($"{nameof(ServerErrorBackoff)} = {ServerErrorBackoff}, {nameof(MaxServerErrorBackoff)} = {MaxServerErrorBackoff}, ");
        builder.Append($"{nameof(GlobalRequestsPerSecond)} = {GlobalRequestsPerSecond}");
        return true;
    }

    [GeneratedRegex(@"^DiscordBot \([^\s,()]+, [^\s()][^()]*\)")]
    private static partial Regex UserAgentPattern();
}
