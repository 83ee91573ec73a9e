namespace Bot.Knowledge.Mentions;

/// <summary>Words before a number that say what it is: a year, or a label rather than a quantity.</summary>
internal static class NumberWords
{
    /// <summary>Words before four digits that make them a year: "in 1913", "until 2011", "spring 2019".</summary>
    public static readonly HashSet<string> YearIntroducers = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "until", "till", "from", "before", "after", "around", "circa", "during", "year", "early", "late",
        "mid", "spring", "summer", "autumn", "fall", "winter",
    };

    /// <summary>Words before a number that make it a label rather than a quantity: "No. 5", "page 12", "Route 66".</summary>
    public static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "number", "chapter", "page", "episode", "season", "part", "room", "route", "highway", "flight", "volume",
        "vol", "track", "verse", "psalm", "article", "section", "step", "level", "grade", "class", "apollo",
    };
}
