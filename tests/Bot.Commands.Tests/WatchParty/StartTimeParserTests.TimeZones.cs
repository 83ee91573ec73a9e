using Bot.Commands.WatchParty;

namespace Bot.Commands.Tests.WatchParty;

public partial class StartTimeParserTests
{
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
}
