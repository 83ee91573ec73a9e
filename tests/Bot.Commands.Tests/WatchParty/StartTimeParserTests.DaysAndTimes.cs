using Bot.Commands.WatchParty;

namespace Bot.Commands.Tests.WatchParty;

public partial class StartTimeParserTests
{
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
}
