using Bot.Commands.WatchParty;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Commands.Tests.WatchParty;

/// <summary>
/// What an organiser gets back for the start times they type. Time zones are IANA ids read from
/// the machine's tzdata (/usr/share/zoneinfo on Linux): these tests need it installed.
/// </summary>
public class StartTimeParserTests
{
    /// <summary>Wednesday 25 November 2026, noon UTC (13:00 in Paris, 07:00 in New York).</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static StartTimeParser At(DateTimeOffset now) => new(new FakeTimeProvider(now));

    private static StartTime Parsed(StartTimeParser parser, string input, string? zone = null)
    {
        var result = parser.Parse(input, zone);
        Assert.True(result.Succeeded, $"'{input}' in {zone ?? "UTC"} was refused: {result.Error} {result.Message}");
        Assert.Equal("", result.Message);
        return result.Value;
    }

    private static StartTimeResult Refused(StartTimeParser parser, string? input, string? zone, StartTimeError error)
    {
        var result = parser.Parse(input, zone);
        Assert.False(result.Succeeded, $"'{input}' was accepted as {result.Value?.Utc:O}");
        Assert.Equal(error, result.Error);
        Assert.Null(result.Value);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        return result;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    // ISO 8601

    [Theory]
    [InlineData("2026-12-01T20:00:00+01:00", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01T19:00Z", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01t19:00z", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01T14:00-05:00", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01T14:00:00-0500", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-02T00:30+05:30", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01 19:00:00.250Z", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01 20:00 +01:00", "2026-12-01T19:00:00Z")]
    public void Iso_with_an_offset_is_that_instant_whatever_the_zone(string input, string expected)
    {
        var parser = At(Wednesday);
        foreach (var zone in new[] { null, "Europe/Paris", "America/New_York", "Asia/Tokyo" })
        {
            var start = Parsed(parser, input, zone);
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start.Utc);
            Assert.Equal(TimeSpan.Zero, start.Utc.Offset);
        }
    }

    [Theory]
    [InlineData(null, "2026-12-01T20:00:00Z")]
    [InlineData("UTC", "2026-12-01T20:00:00Z")]
    [InlineData("Europe/Paris", "2026-12-01T19:00:00Z")]
    [InlineData("America/New_York", "2026-12-02T01:00:00Z")]
    [InlineData("Asia/Tokyo", "2026-12-01T11:00:00Z")]
    [InlineData("Asia/Kolkata", "2026-12-01T14:30:00Z")]
    [InlineData("Australia/Sydney", "2026-12-01T09:00:00Z")]
    public void Iso_without_an_offset_is_read_in_the_time_zone(string? zone, string expected)
    {
        var parser = At(Wednesday);
        foreach (var input in new[] { "2026-12-01T20:00", "2026-12-01 20:00", "2026-12-01T20:00:00" })
        {
            var start = Parsed(parser, input, zone);
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start.Utc);
            Assert.Equal(20, start.Local.Hour);
            Assert.Equal(new DateTime(2026, 12, 1), start.Local.Date);
        }
    }

    [Fact]
    public void Result_carries_unix_seconds_and_discord_timestamps()
    {
        var start = Parsed(At(Wednesday), "2026-12-01T19:00Z");

        Assert.Equal(1796151600, start.UnixSeconds);
        Assert.Equal(start.Utc.ToUnixTimeSeconds(), start.UnixSeconds);
        Assert.Equal("<t:1796151600:F>", start.FullTimestamp);
        Assert.Equal("<t:1796151600:R>", start.RelativeTimestamp);
        Assert.Equal("<t:1796151600:t>", start.DiscordTimestamp('t'));
        Assert.Throws<ArgumentOutOfRangeException>(() => start.DiscordTimestamp('x'));
        Assert.Null(start.Note);
        Assert.Same(TimeZoneInfo.Utc, start.Zone);
    }

    [Fact]
    public void Local_is_the_same_instant_on_the_zone_clocks()
    {
        var start = Parsed(At(Wednesday), "2026-12-01T19:00Z", "America/New_York");

        Assert.Equal(start.Utc, start.Local);
        Assert.Equal(TimeSpan.FromHours(-5), start.Local.Offset);
        Assert.Equal(14, start.Local.Hour);
        Assert.Equal("America/New_York", start.Zone.Id);
    }

    [Theory]
    [InlineData("2026-02-30 20:00")]
    [InlineData("2026-13-01 20:00")]
    [InlineData("2026-12-01 24:00")]
    [InlineData("2026-12-01 20:60")]
    [InlineData("2026-12-00T20:00Z")]
    [InlineData("2026-12-01T20:00+15:00")]
    public void Iso_dates_that_do_not_exist_are_refused(string input)
    {
        Refused(At(Wednesday), input, null, StartTimeError.InvalidDate);
    }

    [Fact]
    public void Seconds_fractions_are_dropped_so_utc_and_unix_seconds_agree()
    {
        var parser = new StartTimeParser(new FakeTimeProvider(Wednesday.AddMilliseconds(750)));

        var start = Parsed(parser, "in 2h");

        Assert.Equal(0, start.Utc.Millisecond);
        Assert.Equal(Wednesday.AddHours(2), start.Utc);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(start.UnixSeconds), start.Utc);
    }

    // Delays

    [Theory]
    [InlineData("in 2h", 120)]
    [InlineData("in 2 hours", 120)]
    [InlineData("in 90 minutes", 90)]
    [InlineData("in 90 min", 90)]
    [InlineData("in 45m", 45)]
    [InlineData("in 1h30m", 90)]
    [InlineData("in 1h 30m", 90)]
    [InlineData("in 1 hour and 30 minutes", 90)]
    [InlineData("in 1 hour, 30 minutes", 90)]
    [InlineData("in an hour", 60)]
    [InlineData("in a minute", 1)]
    [InlineData("IN 2H", 120)]
    [InlineData("  in   2h  ", 120)]
    [InlineData("in 1d 2h", 26 * 60)]
    [InlineData("in 3 days", 3 * 24 * 60)]
    [InlineData("in 2 weeks", 14 * 24 * 60)]
    [InlineData("in 1w", 7 * 24 * 60)]
    public void Delays_count_from_now(string input, int minutes)
    {
        foreach (var zone in new[] { null, "Europe/Paris", "America/New_York" })
        {
            var start = Parsed(At(Wednesday), input, zone);
            Assert.Equal(Wednesday.AddMinutes(minutes), start.Utc);
        }
    }

    [Fact]
    public void Delays_follow_the_injected_clock()
    {
        var clock = new FakeTimeProvider(Wednesday);
        var parser = new StartTimeParser(clock);

        var first = Parsed(parser, "in 2h");
        clock.Advance(TimeSpan.FromMinutes(45));
        var second = Parsed(parser, "in 2h");

        Assert.Equal(TimeSpan.FromMinutes(45), second.Utc - first.Utc);
    }

    [Fact]
    public void Days_keep_the_clock_time_across_the_spring_change_in_paris()
    {
        // Friday 27 March 2026, 20:00 in Paris (UTC+1); clocks go forward on Sunday the 29th.
        var parser = At(Utc(2026, 3, 27, 19));

        var start = Parsed(parser, "in 3 days", "Europe/Paris");

        Assert.Equal(new DateTime(2026, 3, 30, 20, 0, 0), start.Local.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), start.Local.Offset);
        Assert.Equal(Utc(2026, 3, 30, 18), start.Utc); // 71 hours later
    }

    [Fact]
    public void Days_keep_the_clock_time_across_the_autumn_change_in_new_york()
    {
        // Saturday 31 October 2026, 19:00 in New York (UTC-4); clocks go back on Sunday 1 November.
        var parser = At(Utc(2026, 10, 31, 23));

        var start = Parsed(parser, "in 2 days", "America/New_York");

        Assert.Equal(new DateTime(2026, 11, 2, 19, 0, 0), start.Local.DateTime);
        Assert.Equal(Utc(2026, 11, 3, 0), start.Utc); // 49 hours later
    }

    [Fact]
    public void Hours_are_elapsed_time_even_across_a_change()
    {
        // 01:30 in Paris on 29 March 2026; at 02:00 the clocks jump to 03:00.
        var parser = At(Utc(2026, 3, 29, 0, 30));

        var start = Parsed(parser, "in 2h", "Europe/Paris");

        Assert.Equal(Utc(2026, 3, 29, 2, 30), start.Utc);
        Assert.Equal(new DateTime(2026, 3, 29, 4, 30, 0), start.Local.DateTime);
    }

    [Theory]
    [InlineData("in 0 minutes", StartTimeError.InPast)]
    [InlineData("in 0h", StartTimeError.InPast)]
    [InlineData("in 400 days", StartTimeError.TooFarAhead)]
    [InlineData("in 999999 weeks", StartTimeError.TooFarAhead)]
    [InlineData("in 53 weeks", StartTimeError.TooFarAhead)]
    [InlineData("in 9999999999 days", StartTimeError.NotUnderstood)]
    [InlineData("in 2 fortnights", StartTimeError.NotUnderstood)]
    [InlineData("in 1.5h", StartTimeError.NotUnderstood)]
    [InlineData("in h", StartTimeError.NotUnderstood)]
    [InlineData("in", StartTimeError.NotUnderstood)]
    [InlineData("in 2h and", StartTimeError.NotUnderstood)]
    public void Delays_that_are_not_ahead_or_not_delays_are_refused(string input, StartTimeError error)
    {
        Refused(At(Wednesday), input, null, error);
    }

    // Days and times

    [Theory]
    [InlineData("tomorrow 20:00", null, "2026-11-26T20:00:00Z")]
    [InlineData("tomorrow at 20:00", null, "2026-11-26T20:00:00Z")]
    [InlineData("20:00 tomorrow", null, "2026-11-26T20:00:00Z")]
    [InlineData("tomorrow 8pm", null, "2026-11-26T20:00:00Z")]
    [InlineData("tomorrow 8 pm", null, "2026-11-26T20:00:00Z")]
    [InlineData("tomorrow 8:30 p.m.", null, "2026-11-26T20:30:00Z")]
    [InlineData("tomorrow 20h", null, "2026-11-26T20:00:00Z")]
    [InlineData("tomorrow 20h30", null, "2026-11-26T20:30:00Z")]
    [InlineData("tomorrow noon", null, "2026-11-26T12:00:00Z")]
    [InlineData("tomorrow 12am", null, "2026-11-26T00:00:00Z")]
    [InlineData("tomorrow 20:00", "Europe/Paris", "2026-11-26T19:00:00Z")]
    [InlineData("tomorrow 20:00", "America/New_York", "2026-11-27T01:00:00Z")]
    [InlineData("tomorrow 20:00", "Asia/Tokyo", "2026-11-26T11:00:00Z")]
    [InlineData("today 18:30", null, "2026-11-25T18:30:00Z")]
    [InlineData("today 18:30", "Europe/Paris", "2026-11-25T17:30:00Z")]
    [InlineData("today 18:30", "America/New_York", "2026-11-25T23:30:00Z")]
    public void Today_and_tomorrow_are_the_zone_s_days(string input, string? zone, string expected)
    {
        var start = Parsed(At(Wednesday), input, zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start.Utc);
    }

    [Fact]
    public void Tomorrow_in_a_zone_already_past_midnight_is_the_day_after_its_today()
    {
        // 23:30 UTC on Wednesday is already Thursday 08:30 in Tokyo.
        var start = Parsed(At(Utc(2026, 11, 25, 23, 30)), "tomorrow 20:00", "Asia/Tokyo");

        Assert.Equal(new DateTime(2026, 11, 27, 20, 0, 0), start.Local.DateTime);
    }

    [Theory]
    [InlineData("today 09:00", null)]
    [InlineData("today 11:59", null)]
    [InlineData("today 12:00", "Europe/Paris")]
    [InlineData("today 06:59", "America/New_York")]
    [InlineData("2026-11-25 11:00", null)]
    [InlineData("2026-01-01T20:00Z", null)]
    [InlineData("1999-12-31 23:59", null)]
    [InlineData("0001-01-01T00:00+14:00", null)]
    public void Past_times_are_refused_with_when_they_were(string input, string? zone)
    {
        var result = Refused(At(Wednesday), input, zone, StartTimeError.InPast);

        Assert.Contains("already passed", result.Message);
    }

    [Fact]
    public void Now_itself_is_refused()
    {
        Refused(At(Wednesday), "today 12:00", null, StartTimeError.InPast);
        Refused(At(Wednesday), "2026-11-25T12:00:00Z", null, StartTimeError.InPast);
    }

    [Theory]
    [InlineData("2027-12-01 20:00")]
    [InlineData("9999-12-31T23:59+14:00")]
    [InlineData("9999-12-31 23:59")]
    public void Times_more_than_a_year_ahead_are_refused(string input)
    {
        foreach (var zone in new[] { null, "Pacific/Kiritimati", "Pacific/Pago_Pago" })
            Refused(At(Wednesday), input, zone, StartTimeError.TooFarAhead);
    }

    [Theory]
    [InlineData("tonight", 20, 0, 0)]
    [InlineData("tonight 21:30", 21, 30, 0)]
    [InlineData("tonight at 9:30", 21, 30, 0)]
    [InlineData("tonight 9pm", 21, 0, 0)]
    [InlineData("tonight 23:45", 23, 45, 0)]
    [InlineData("tonight 1am", 1, 0, 1)]
    [InlineData("tonight 00:30", 0, 30, 1)]
    [InlineData("tonight midnight", 0, 0, 1)]
    public void Tonight_is_this_evening_or_just_after_midnight(string input, int hour, int minute, int daysLater)
    {
        foreach (var zone in new[] { "UTC", "Europe/Paris", "America/New_York" })
        {
            var start = Parsed(At(Wednesday), input, zone);
            Assert.Equal(new DateTime(2026, 11, 25 + daysLater, hour, minute, 0), start.Local.DateTime);
        }
    }

    [Fact]
    public void Tonight_after_twenty_hundred_is_refused_as_past()
    {
        var result = Refused(At(Utc(2026, 11, 25, 21)), "tonight", null, StartTimeError.InPast);

        Assert.Contains("20:00", result.Message);
        Assert.True(At(Utc(2026, 11, 25, 21)).Parse("tonight 22:30").Succeeded);
    }

    [Fact]
    public void Tonight_in_the_morning_is_refused()
    {
        Refused(At(Wednesday), "tonight 8am", null, StartTimeError.InvalidDate);
    }

    [Theory]
    [InlineData("friday 19:00", 27)]
    [InlineData("Friday 19:00", 27)]
    [InlineData("fri 7pm", 27)]
    [InlineData("on friday at 19:00", 27)]
    [InlineData("this friday 19:00", 27)]
    [InlineData("19:00 friday", 27)]
    [InlineData("19:00 on friday", 27)]
    [InlineData("thursday 19:00", 26)]
    [InlineData("thurs 19:00", 26)]
    [InlineData("sunday 19:00", 29)]
    [InlineData("monday 19:00", 30)]
    [InlineData("tuesday 19:00", 1)]
    [InlineData("tues 19:00", 1)]
    [InlineData("wednesday 19:00", 25)] // today, still ahead
    [InlineData("wednesday 11:00", 2)] // today, but over: next week
    [InlineData("next wednesday 19:00", 2)] // never today
    [InlineData("next friday 19:00", 27)]
    public void A_weekday_is_its_next_occurrence(string input, int day)
    {
        var start = Parsed(At(Wednesday), input);

        Assert.Equal(day, start.Local.Day);
        Assert.Equal(input.Contains("11:00") ? 11 : 19, start.Local.Hour);
        Assert.True(start.Utc > Wednesday);
        Assert.True(start.Utc - Wednesday < TimeSpan.FromDays(8));
    }

    [Fact]
    public void A_weekday_is_read_on_the_zone_s_calendar()
    {
        // 23:30 UTC on Wednesday is Thursday in Tokyo: "thursday 20:00" there is today, not next week.
        var start = Parsed(At(Utc(2026, 11, 25, 23, 30)), "thursday 20:00", "Asia/Tokyo");

        Assert.Equal(new DateTime(2026, 11, 26, 20, 0, 0), start.Local.DateTime);
        Assert.Equal(Utc(2026, 11, 26, 11), start.Utc);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("today")]
    [InlineData("friday")]
    public void A_day_without_a_time_asks_for_one(string input)
    {
        var result = Refused(At(Wednesday), input, null, StartTimeError.NotUnderstood);

        Assert.Contains("20:00", result.Message);
    }

    [Theory]
    [InlineData("20:00", null, 25)]
    [InlineData("at 20:00", null, 25)]
    [InlineData("8pm", null, 25)]
    [InlineData("12:30", null, 25)]
    [InlineData("11:00", null, 26)] // over today: tomorrow
    [InlineData("12:00", null, 26)] // now: tomorrow
    [InlineData("noon", "America/New_York", 25)] // 07:00 there
    [InlineData("midnight", null, 26)]
    [InlineData("13:30", "Europe/Paris", 25)] // 13:00 there
    [InlineData("12:30", "Europe/Paris", 26)]
    public void A_time_alone_is_today_if_still_ahead_else_tomorrow(string input, string? zone, int day)
    {
        var start = Parsed(At(Wednesday), input, zone);

        Assert.Equal(day, start.Local.Day);
        Assert.True(start.Utc > Wednesday);
        Assert.True(start.Utc - Wednesday <= TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("20:75")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("tomorrow 24:00")]
    public void Times_of_day_that_do_not_exist_are_refused(string input)
    {
        Refused(At(Wednesday), input, null, StartTimeError.InvalidDate);
    }

    // Daylight saving

    [Fact]
    public void A_time_skipped_by_the_spring_change_in_paris_moves_forward_with_a_note()
    {
        var start = Parsed(At(Wednesday.AddYears(-1).AddMonths(3)), "2026-03-29 02:30", "Europe/Paris");

        Assert.Equal(Utc(2026, 3, 29, 1, 30), start.Utc);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), start.Local.DateTime);
        Assert.NotNull(start.Note);
        Assert.Contains("02:30", start.Note);
        Assert.Contains("03:30", start.Note);
        Assert.Contains("Europe/Paris", start.Note);
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_in_new_york_moves_forward_with_a_note()
    {
        var start = Parsed(At(Utc(2026, 3, 1, 12)), "2026-03-08 02:30", "America/New_York");

        Assert.Equal(Utc(2026, 3, 8, 7, 30), start.Utc);
        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), start.Local.DateTime);
        Assert.Contains("03:30", start.Note);
    }

    [Fact]
    public void Tomorrow_at_a_skipped_time_moves_forward_too()
    {
        // Saturday 28 March 2026, 12:00 in Paris.
        var start = Parsed(At(Utc(2026, 3, 28, 11)), "tomorrow 02:15", "Europe/Paris");

        Assert.Equal(new DateTime(2026, 3, 29, 3, 15, 0), start.Local.DateTime);
        Assert.Equal(Utc(2026, 3, 29, 1, 15), start.Utc);
        Assert.NotNull(start.Note);
    }

    [Fact]
    public void A_time_just_outside_the_gap_is_not_moved()
    {
        var parser = At(Utc(2026, 3, 1, 12));

        var before = Parsed(parser, "2026-03-29 01:59", "Europe/Paris");
        var after = Parsed(parser, "2026-03-29 03:00", "Europe/Paris");

        Assert.Equal(Utc(2026, 3, 29, 0, 59), before.Utc);
        Assert.Equal(Utc(2026, 3, 29, 1, 0), after.Utc);
        Assert.Null(before.Note);
        Assert.Null(after.Note);
    }

    [Fact]
    public void A_time_that_happens_twice_in_paris_is_the_first_with_a_note()
    {
        var start = Parsed(At(Utc(2026, 10, 1, 12)), "2026-10-25 02:30", "Europe/Paris");

        Assert.Equal(Utc(2026, 10, 25, 0, 30), start.Utc); // 02:30 summer time (UTC+2), not 01:30Z
        Assert.Equal(TimeSpan.FromHours(2), start.Local.Offset);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), start.Local.DateTime);
        Assert.NotNull(start.Note);
        Assert.Contains("twice", start.Note);
        Assert.Contains("UTC+02:00", start.Note);
    }

    [Fact]
    public void A_time_that_happens_twice_in_new_york_is_the_first()
    {
        var start = Parsed(At(Utc(2026, 10, 20, 12)), "2026-11-01 01:30", "America/New_York");

        Assert.Equal(Utc(2026, 11, 1, 5, 30), start.Utc); // 01:30 EDT (UTC-4)
        Assert.Equal(TimeSpan.FromHours(-4), start.Local.Offset);
        Assert.Contains("UTC-04:00", start.Note);
    }

    [Fact]
    public void The_second_reading_of_a_repeated_time_is_reachable_with_an_offset()
    {
        var start = Parsed(At(Utc(2026, 10, 1, 12)), "2026-10-25T02:30+01:00", "Europe/Paris");

        Assert.Equal(Utc(2026, 10, 25, 1, 30), start.Utc);
        Assert.Null(start.Note);
    }

    [Fact]
    public void A_repeated_time_already_over_once_is_still_the_first_and_so_refused()
    {
        // 01:00Z on 25 October is 02:00 winter time in Paris: the first 02:30 (00:30Z) is over.
        var result = At(Utc(2026, 10, 25, 1)).Parse("2026-10-25 02:30", "Europe/Paris");

        Assert.Equal(StartTimeError.InPast, result.Error);
    }

    [Fact]
    public void Times_around_a_change_in_zones_without_one_are_plain()
    {
        var start = Parsed(At(Utc(2026, 3, 1, 12)), "2026-03-29 02:30", "Asia/Tokyo");

        Assert.Null(start.Note);
        Assert.Equal(Utc(2026, 3, 28, 17, 30), start.Utc);
    }

    // Time zones

    [Theory]
    [InlineData("Europe/Pariss")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("Europe/Paris\0")]
    [InlineData("<@&123>")]
    [InlineData("+01:00")]
    public void Unknown_time_zones_are_refused_by_name(string zone)
    {
        var result = Refused(At(Wednesday), "tomorrow 20:00", zone, StartTimeError.UnknownTimeZone);

        Assert.Contains("Europe/Paris", result.Message);
        Assert.DoesNotContain("<@&123>", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_names_the_zone_given()
    {
        var result = Refused(At(Wednesday), "tomorrow 20:00", "Europe/Pariss", StartTimeError.UnknownTimeZone);

        Assert.Contains("Europe/Pariss", result.Message);
    }

    [Fact]
    public void A_long_zone_is_refused_without_repeating_all_of_it()
    {
        var result = Refused(At(Wednesday), "tomorrow 20:00", new string('A', 500), StartTimeError.UnknownTimeZone);

        Assert.True(result.Message.Length < 300);
    }

    [Theory]
    [InlineData("europe/paris", "Europe/Paris")]
    [InlineData(" Europe/Paris ", "Europe/Paris")]
    [InlineData("utc", "UTC")]
    [InlineData("", "UTC")]
    [InlineData("   ", "UTC")]
    public void Zone_names_are_matched_without_regard_to_case_or_spaces(string given, string expected)
    {
        Assert.True(TimeZoneLookup.TryFind(given, out var zone));
        Assert.Equal(expected, zone.Id);
        Assert.True(At(Wednesday).Parse("tomorrow 20:00", given).Succeeded);
    }

    [Fact]
    public void No_zone_means_utc()
    {
        var start = Parsed(At(Wednesday), "tomorrow 20:00");

        Assert.Equal(TimeZoneInfo.Utc, start.Zone);
        Assert.Equal(Utc(2026, 11, 26, 20), start.Utc);
    }

    // Bad input

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_given_asks_for_a_time(string? input)
    {
        var result = Refused(At(Wednesday), input, null, StartTimeError.Empty);

        Assert.Contains("in 2h", result.Message);
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("soon")]
    [InlineData("at 8")]
    [InlineData("20")]
    [InlineData("2026")]
    [InlineData("2026-12-01")]
    [InlineData("12/01/2026 20:00")]
    [InlineData("next week")]
    [InlineData("yesterday 20:00")]
    [InlineData("friday at")]
    [InlineData("tomorrow blah")]
    [InlineData("monurday 19:00")]
    public void Unreadable_text_is_refused_with_examples(string input)
    {
        var result = Refused(At(Wednesday), input, null, StartTimeError.NotUnderstood);

        Assert.Contains("`", result.Message);
    }

    [Fact]
    public void Text_typed_by_the_user_is_escaped_in_the_message()
    {
        var result = At(Wednesday).Parse("@everyone **now** <@123>");

        Assert.Equal(StartTimeError.NotUnderstood, result.Error);
        // Ordinal: a culture-aware search would skip the zero-width spaces that break the mentions.
        Assert.DoesNotContain("@everyone", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("**now**", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        var parser = At(Wednesday);
        string[] inputs =
        [
            new string('9', 10_000), "in " + new string('9', 40) + "h", "in 99999 weeks 99999 days", "9999-99-99T99:99Z",
            "0000-00-00T00:00Z", "2026-12-01T20:00+99:99", "tonight 99:99", "friday 99pm", "\0", "\u202E20:00", "２０:００",
            "in 1h" + string.Concat(Enumerable.Repeat(" 1m", 30)), "tomorrow " + new string(' ', 100) + "20:00", "in -2h", "-20:00",
            "in 2h\n@everyone", "2026-12-01T20:00:00.12345678Z",
        ];
        foreach (var input in inputs)
        {
            foreach (var zone in new[] { null, "Europe/Paris", "Pacific/Kiritimati", "nowhere" })
            {
                var result = parser.Parse(input, zone);
                Assert.True(result.Succeeded || result.Message.Length > 0);
            }
        }
    }
}
