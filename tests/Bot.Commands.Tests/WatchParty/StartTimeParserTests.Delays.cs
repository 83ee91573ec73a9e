using Bot.Commands.WatchParty;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Commands.Tests.WatchParty;

public partial class StartTimeParserTests
{
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
}
