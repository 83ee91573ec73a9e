using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// Discord's timestamp markup (<c>&lt;t:1796660220:d&gt;</c>, <c>&lt;t:…:R&gt;</c>) as Discord's own client shows
/// it, in the terminal's time zone: the unanswered list's dates and the cooldown's "you can ask again in
/// 20 seconds" would otherwise read as markup. Formats are fixed, not the machine's culture, so a reply
/// reads the same everywhere.
/// </summary>
internal static partial class DiscordTimestamps
{
    public static string Render(string text, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(time);
        if (!text.Contains("<t:", StringComparison.Ordinal))
            return text;
        var now = time.GetUtcNow();
        return Markup().Replace(text, m =>
        {
            // Out of DateTimeOffset's range: left as written, as Discord leaves a malformed one.
            if (!long.TryParse(m.Groups["seconds"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                || seconds is < -62_135_596_800 or > 253_402_300_799)
            {
                return m.Value;
            }

            var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
            var local = TimeZoneInfo.ConvertTime(at, time.LocalTimeZone);
            var c = CultureInfo.InvariantCulture;
            return m.Groups["style"].Value switch
            {
                "t" => local.ToString("HH:mm", c),
                "T" => local.ToString("HH:mm:ss", c),
                "d" => local.ToString("yyyy-MM-dd", c),
                "D" => local.ToString("d MMMM yyyy", c),
                "F" => local.ToString("dddd, d MMMM yyyy HH:mm", c),
                "R" => Relative(at - now),
                _ => local.ToString("d MMMM yyyy HH:mm", c),
            };
        });
    }

    /// <summary>"in 20 seconds", "3 hours ago": the largest unit that fits, rounded as a person would say it.</summary>
    public static string Relative(TimeSpan offset)
    {
        var ahead = offset >= TimeSpan.Zero;
        var span = ahead ? offset : -offset;
        var amount = span.TotalSeconds < 60 ? Count(Math.Max(1, Math.Round(span.TotalSeconds)), "second")
            : span.TotalMinutes < 60 ? Count(Math.Round(span.TotalMinutes), "minute")
            : span.TotalHours < 24 ? Count(Math.Round(span.TotalHours), "hour")
            : span.TotalDays < 30 ? Count(Math.Round(span.TotalDays), "day")
            : span.TotalDays < 365 ? Count(Math.Round(span.TotalDays / 30), "month")
            : Count(Math.Round(span.TotalDays / 365), "year");
        return ahead ? "in " + amount : amount + " ago";
    }

    private static string Count(double value, string unit) =>
        value == 1 ? "1 " + unit : value.ToString("0", CultureInfo.InvariantCulture) + " " + unit + "s";

    [GeneratedRegex(@"<t:(?<seconds>-?\d{1,15})(?::(?<style>[tTdDfFR]))?>")]
    private static partial Regex Markup();
}
