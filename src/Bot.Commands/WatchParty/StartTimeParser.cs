using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Commands.Replies;

namespace Bot.Commands.WatchParty;

/// <summary>
/// Reads when a watch party starts, as an organiser would type it, against the clock of an
/// injected <see cref="TimeProvider"/>:
/// <list type="bullet">
/// <item>ISO 8601 with an offset: <c>2026-12-01T20:00:00+01:00</c>, <c>2026-12-01T19:00Z</c>;
/// without one (<c>2026-12-01T20:00</c>, <c>2026-12-01 20:00</c>) it is read in the time zone.</item>
/// <item>A delay: <c>in 2h</c>, <c>in 90 minutes</c>, <c>in 1h30m</c>, <c>in 1 hour and 30 minutes</c>,
/// <c>in 3 days</c>, <c>in 2 weeks</c>, <c>in an hour</c>. Hours and minutes are elapsed time; days and
/// weeks keep the clock time ("in 3 days" at 20:00 is 20:00 three days on, even across a change
/// of daylight-saving time).</item>
/// <item>A day and a time: <c>today 18:30</c>, <c>tomorrow 20:00</c>, <c>friday 19:00</c> (the next
/// Friday at 19:00: today if it is Friday and 19:00 is still ahead), <c>next friday 19:00</c> (never
/// today), <c>on sat at 8pm</c>, <c>20:00 tomorrow</c>. <c>tonight</c> alone is
/// <see cref="TonightHour"/>:00 today; <c>tonight 9:30</c> is 21:30, <c>tonight 1am</c> is 01:00 after midnight.</item>
/// <item>A time alone: <c>20:00</c>, <c>8pm</c>, <c>noon</c>: today if still ahead, else tomorrow.</item>
/// </list>
/// Times are <c>20:00</c>, <c>8:00</c>, <c>20h</c>, <c>20h30</c>, <c>8pm</c>, <c>8:30 pm</c>,
/// <c>noon</c>, <c>midnight</c>; a bare number ("at 8") is refused as ambiguous.
/// <para>
/// Daylight saving: a local time that does not exist because clocks jumped forward (02:30 on
/// 29 March 2026 in Paris) is moved forward by the jump (to 03:30), with a
/// <see cref="StartTime.Note"/> saying so. A local time that happens twice because clocks went
/// back (02:30 on 25 October 2026 in Paris) is the first of the two (the summer-time one), also
/// with a note.
/// </para>
/// Bad input never throws: it comes back as a <see cref="StartTimeResult"/> with a message.
/// Time zones are IANA ids through <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>, which on
/// Linux needs the tzdata files in /usr/share/zoneinfo.
/// </summary>
public sealed partial class StartTimeParser(TimeProvider time)
{
    /// <summary>The hour "tonight" means when no time is given.</summary>
    public const int TonightHour = 20;

    /// <summary>Longest text read; anything longer is not a start time.</summary>
    public const int MaxInputLength = 64;

    /// <summary>How far ahead a watch party may be planned.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    private const string Examples = "`2026-12-01 20:00`, `2026-12-01T20:00+01:00`, `in 2h`, `in 1h30m`, `tomorrow 20:00`, `tonight`, `friday 19:00` or `20:00`";

    private static readonly string[] WeekdayPrefixes = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Reads <paramref name="input"/> as a start time in <paramref name="timeZone"/> (an IANA id; UTC when null or blank).</summary>
    public StartTimeResult Parse(string? input, string? timeZone = null)
    {
        if (!TimeZoneLookup.TryFind(timeZone, out var zone))
        {
            return StartTimeResult.Failure(
                StartTimeError.UnknownTimeZone,
                $"“{Quote(timeZone!)}” is not a time zone I know. Use an IANA name such as `Europe/Paris`, `America/New_York`, `Asia/Tokyo` or `UTC`.");
        }

        var text = Normalize(input);
        if (text.Length == 0)
            return StartTimeResult.Failure(StartTimeError.Empty, $"Say when the watch party starts, for example {Examples}.");
        if (text.Length > MaxInputLength)
            return NotUnderstood(input!);

        var now = time.GetUtcNow();
        var clock = TimeZoneInfo.ConvertTime(now, zone);
        return TryIso(text, zone, now)
               ?? TryDelay(text, zone, now, clock)
               ?? TryDayAndTime(text, zone, now, clock)
               ?? TryTimeAlone(text, zone, now, clock)
               ?? NotUnderstood(input!);
    }

    private static StartTimeResult? TryIso(string text, TimeZoneInfo zone, DateTimeOffset now)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success)
            return null;
        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return Invalid($"{m.Groups["date"].Value} {hour:00}:{minute:00} is not a real date and time.");
        var wall = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);

        if (!m.Groups["off"].Success)
            return Finish(wall, zone, now);
        var offsetText = m.Groups["off"].Value;
        var offset = TimeSpan.Zero;
        if (offsetText != "z")
        {
            var sign = offsetText[0] == '-' ? -1 : 1;
            var digits = offsetText[1..].Replace(":", "", StringComparison.Ordinal);
            var offHours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var offMinutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
            if (offHours > 14 || offMinutes > 59)
                return Invalid($"{Quote(offsetText)} is not a UTC offset; offsets run from -14:00 to +14:00.");
            offset = sign * new TimeSpan(offHours, offMinutes, 0);
        }

        if (OutOfReach(wall, now) is { } refused)
            return refused;
        var instant = new DateTimeOffset(wall, offset);
        return Check(instant, TimeZoneInfo.ConvertTime(instant, zone), zone, now, note: null);
    }

    private static StartTimeResult? TryDelay(string text, TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset clock)
    {
        if (!text.StartsWith("in ", StringComparison.Ordinal))
            return null;
        var rest = text[3..];
        long days = 0, minutes = 0;
        var at = 0;
        var parts = 0;
        while (at < rest.Length)
        {
            var m = DelayPart().Match(rest, at);
            if (!m.Success || m.Index != at)
                return null;
            var amount = m.Groups["n"].Value is "a" or "an" or "one" ? 1 : long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            switch (m.Groups["u"].Value[0])
            {
                case 'w':
                    days += 7 * amount;
                    break;
                case 'd':
                    days += amount;
                    break;
                case 'h':
                    minutes += 60 * amount;
                    break;
                default:
                    minutes += amount;
                    break;
            }

            at = m.Index + m.Length;
            parts++;
        }

        if (parts == 0)
            return null;
        if (days * 24 * 60 + minutes > (long)MaxAhead.TotalMinutes + 24 * 60)
            return TooFar();
        if (days == 0 && minutes == 0)
            return StartTimeResult.Failure(StartTimeError.InPast, "That is right now. Give a time in the future, like `in 30 minutes`.");

        // Days keep the clock time (resolved like any local time), then hours and minutes elapse.
        var instant = now;
        string? note = null;
        if (days > 0)
            (instant, note) = Resolve(clock.DateTime.AddDays(days), zone);
        instant = instant.AddMinutes(minutes);
        return Check(instant, TimeZoneInfo.ConvertTime(instant, zone), zone, now, note);
    }

    private static StartTimeResult? TryDayAndTime(string text, TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset clock)
    {
        var m = DayFirstPattern().Match(text);
        if (!m.Success)
            m = TimeFirstPattern().Match(text);
        if (!m.Success)
            return null;

        var dayWord = m.Groups["day"].Value;
        TimeOnly? at = null;
        var explicitHalf = false;
        if (m.Groups["time"].Success)
        {
            var read = ReadTime(m.Groups["time"].Value);
            if (read is null)
                return null;
            if (read.Value.Error is { } error)
                return error;
            at = read.Value.Time;
            explicitHalf = read.Value.ExplicitHalf;
        }

        var today = DateOnly.FromDateTime(clock.DateTime);
        switch (dayWord)
        {
            case "today":
                return at is { } todayAt ? Finish(today.ToDateTime(todayAt), zone, now) : MissingTime("today");
            case "tomorrow":
                return at is { } tomorrowAt ? Finish(today.AddDays(1).ToDateTime(tomorrowAt), zone, now) : MissingTime("tomorrow");
            case "tonight":
            {
                var evening = at ?? new TimeOnly(TonightHour, 0);
                // "tonight 9:30" is the evening; "tonight 1am" is after midnight; "tonight 8am" is neither.
                if (at is not null && !explicitHalf && evening.Hour is >= 6 and < 12)
                    evening = evening.AddHours(12);
                if (evening.Hour is >= 6 and < 12)
                    return Invalid($"{evening:HH:mm} is not tonight. Try `tonight 21:30` or `tomorrow {evening:HH:mm}`.");
                var date = evening.Hour < 6 ? today.AddDays(1) : today;
                return Finish(date.ToDateTime(evening), zone, now);
            }
        }

        var weekday = (DayOfWeek)Array.FindIndex(WeekdayPrefixes, p => dayWord.StartsWith(p, StringComparison.Ordinal));
        if (at is not { } weekdayAt)
            return MissingTime(CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(weekday).ToLowerInvariant());
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        var next = m.Groups["next"].Success;
        if (ahead == 0 && next)
            ahead = 7;
        if (ahead == 0 && Resolve(today.ToDateTime(weekdayAt), zone).Instant <= now)
            ahead = 7;
        return Finish(today.AddDays(ahead).ToDateTime(weekdayAt), zone, now);
    }

    private static StartTimeResult? TryTimeAlone(string text, TimeZoneInfo zone, DateTimeOffset now, DateTimeOffset clock)
    {
        var m = TimeAlonePattern().Match(text);
        if (!m.Success || ReadTime(m.Groups["time"].Value) is not { } read)
            return null;
        if (read.Error is { } error)
            return error;
        var today = DateOnly.FromDateTime(clock.DateTime);
        var date = Resolve(today.ToDateTime(read.Time), zone).Instant > now ? today : today.AddDays(1);
        return Finish(date.ToDateTime(read.Time), zone, now);
    }

    /// <summary>A time of day; null when the text is not one, an error when it looks like one but is not (25:00).</summary>
    private static (TimeOnly Time, bool ExplicitHalf, StartTimeResult? Error)? ReadTime(string text)
    {
        switch (text)
        {
            case "noon":
            case "midday":
                return (new TimeOnly(12, 0), true, null);
            case "midnight":
                return (new TimeOnly(0, 0), true, null);
        }

        var m = TimePattern().Match(text);
        if (!m.Success)
            return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
        var half = m.Groups["ap"].Success ? m.Groups["ap"].Value[0] : (char?)null;
        if (minute > 59 || (half is null && hour > 23) || (half is not null && hour is < 1 or > 12))
            return (default, false, Invalid($"{Quote(text)} is not a time of day. Use 24-hour `20:00` or `8pm`."));
        if (half == 'p' && hour < 12)
            hour += 12;
        else if (half == 'a' && hour == 12)
            hour = 0;
        return (new TimeOnly(hour, minute), half is not null, null);
    }

    private static StartTimeResult Finish(DateTime wall, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (OutOfReach(wall, now) is { } refused)
            return refused;
        var (instant, note) = Resolve(wall, zone);
        return Check(instant, TimeZoneInfo.ConvertTime(instant, zone), zone, now, note);
    }

    /// <summary>Refuses wall times days away from the window before resolving them, so no date arithmetic can overflow.</summary>
    private static StartTimeResult? OutOfReach(DateTime wall, DateTimeOffset now)
    {
        if (wall < now.UtcDateTime.AddDays(-2))
            return Past(wall, zoneName: null);
        if (wall > now.UtcDateTime + MaxAhead + TimeSpan.FromDays(2))
            return TooFar();
        return null;
    }

    /// <summary>
    /// The instant a wall-clock time stands for in a zone. A time skipped by a jump forward is read
    /// with the offset from before the jump, which puts it as far past the jump as it was into
    /// it (02:30 → 03:30). A time that happens twice is the first of the two (the larger offset).
    /// </summary>
    private static (DateTimeOffset Instant, string? Note) Resolve(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            var before = new[] { zone.GetUtcOffset(wall.AddDays(-1)), zone.GetUtcOffset(wall.AddDays(1)) }.Min();
            var moved = new DateTimeOffset(wall, before);
            var shown = TimeZoneInfo.ConvertTime(moved, zone);
            return (moved, $"{wall:HH:mm} does not exist on {Day(wall)} in {zone.Id}: the clocks go forward that night, so the start is {shown:HH:mm} ({Offset(shown.Offset)}).");
        }

        if (zone.IsAmbiguousTime(wall))
        {
            var first = zone.GetAmbiguousTimeOffsets(wall).Max();
            return (new DateTimeOffset(wall, first), $"{wall:HH:mm} happens twice on {Day(wall)} in {zone.Id} as the clocks go back; this is the first one ({Offset(first)}).");
        }

        return (new DateTimeOffset(wall, zone.GetUtcOffset(wall)), null);
    }

    private static StartTimeResult Check(DateTimeOffset instant, DateTimeOffset local, TimeZoneInfo zone, DateTimeOffset now, string? note)
    {
        var whole = DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
        if (whole <= now)
            return Past(local.DateTime, zone.Id);
        if (whole - now > MaxAhead)
            return TooFar();
        return StartTimeResult.Success(new StartTime(whole, TimeZoneInfo.ConvertTime(whole, zone), zone, note));
    }

    private static StartTimeResult Past(DateTime local, string? zoneName) => StartTimeResult.Failure(
        StartTimeError.InPast,
        $"{Describe(local)}{(zoneName is null ? "" : $" ({zoneName})")} has already passed. Give a time in the future, like `in 2h` or `tomorrow 20:00`.");

    private static StartTimeResult TooFar() => StartTimeResult.Failure(
        StartTimeError.TooFarAhead,
        $"That is more than {MaxAhead.TotalDays:0} days away. Plan watch parties within the next year.");

    private static StartTimeResult Invalid(string message) => StartTimeResult.Failure(StartTimeError.InvalidDate, message);

    private static StartTimeResult MissingTime(string day) => StartTimeResult.Failure(
        StartTimeError.NotUnderstood, $"At what time {day}? For example `{day} 20:00` or `{day} 8pm`.");

    private static StartTimeResult NotUnderstood(string input) => StartTimeResult.Failure(
        StartTimeError.NotUnderstood, $"I can't read “{Quote(input)}” as a start time. Try {Examples}.");

    private static string Normalize(string? input) =>
        input is null ? "" : string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>User text inside a message: shortened, on one line, Markdown escaped and mentions broken.</summary>
    private static string Quote(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Markdown.Escape(line.Length <= 40 ? line : line[..40] + "…");
    }

    private static string Describe(DateTime local) => local.ToString("dddd d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateTime local) => local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";

    [GeneratedRegex(@"^(?<date>(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2}))(?:t|\s)(?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.[0-9]{1,7})?)?\s?(?<off>z|[+-][0-9]{2}(?::?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"\G(?:\s*,\s*|\s+and\s+|\s*)(?:(?<n>[0-9]{1,6})\s?(?<u>weeks|week|w|days|day|d|hours|hour|hrs|hr|h|minutes|minute|mins|min|m)|(?<n>an|a|one)\s(?<u>week|day|hour|minute))(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DelayPart();

    private const string DayWord =
        @"(?<day>today|tomorrow|tonight|sunday|sun|monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat)";

    [GeneratedRegex(@"^(?:on\s)?(?:(?<next>next)\s|this\s)?" + DayWord + @"(?:\s(?:at\s)?(?<time>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstPattern();

    [GeneratedRegex(@"^(?:at\s)?(?<time>.+?)\s(?:on\s)?(?:(?<next>next)\s|this\s)?" + DayWord + "$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeFirstPattern();

    [GeneratedRegex(@"^(?:at\s)?(?<time>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAlonePattern();

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,2})(?::(?<mi>[0-9]{2}))?\s?(?<ap>a|p)\.?m\.?|(?<h>[0-9]{1,2})(?::|h|\.)(?<mi>[0-9]{2})|(?<h>[0-9]{1,2})h)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
