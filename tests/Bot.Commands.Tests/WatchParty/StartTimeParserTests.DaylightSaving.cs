using Bot.Commands.WatchParty;

namespace Bot.Commands.Tests.WatchParty;

public partial class StartTimeParserTests
{
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
}
