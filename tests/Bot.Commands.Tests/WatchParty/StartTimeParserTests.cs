using Bot.Commands.WatchParty;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Commands.Tests.WatchParty;

/// <summary>
/// What an organiser gets back for the start times they type. Time zones are IANA ids read from
/// the machine's tzdata (/usr/share/zoneinfo on Linux): these tests need it installed.
/// </summary>
public partial class StartTimeParserTests
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
}
