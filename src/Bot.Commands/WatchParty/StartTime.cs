using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bot.Commands.WatchParty;

/// <summary>When a watch party starts.</summary>
/// <param name="Utc">The instant, in UTC, to the whole second.</param>
/// <param name="Local">The same instant on the clocks of <see cref="Zone"/>.</param>
/// <param name="Zone">The time zone the start was read in (UTC unless one was given).</param>
/// <param name="Note">
/// Set when the time asked for was adjusted or had two readings: a local time skipped when clocks
/// went forward, or one that happened twice when they went back. Show it to the organiser.
/// </param>
public sealed record StartTime(DateTimeOffset Utc, DateTimeOffset Local, TimeZoneInfo Zone, string? Note)
{
    /// <summary>Seconds since the Unix epoch: what Discord's <c>&lt;t:…&gt;</c> timestamps take.</summary>
    public long UnixSeconds => Utc.ToUnixTimeSeconds();

    /// <summary>Shown to each reader in their own time zone as a full date and time: <c>&lt;t:unix:F&gt;</c>.</summary>
    public string FullTimestamp => DiscordTimestamp('F');

    /// <summary>Shown to each reader as "in 2 hours" and kept up to date: <c>&lt;t:unix:R&gt;</c>.</summary>
    public string RelativeTimestamp => DiscordTimestamp('R');

    /// <param name="style">Discord's style letter: t, T, d, D, f, F or R.</param>
    public string DiscordTimestamp(char style)
    {
        if ("tTdDfFR".IndexOf(style) < 0)
            throw new ArgumentOutOfRangeException(nameof(style), style, "Discord timestamp styles are t, T, d, D, f, F and R.");
        return $"<t:{UnixSeconds.ToString(CultureInfo.InvariantCulture)}:{style}>";
    }
}

/// <summary>Why a start time was refused.</summary>
public enum StartTimeError
{
    /// <summary>Nothing was given.</summary>
    Empty,
    /// <summary>The text is none of the forms understood.</summary>
    NotUnderstood,
    /// <summary>The time zone is not a known IANA (or Windows) time zone id.</summary>
    UnknownTimeZone,
    /// <summary>The form is right but the date or time does not exist: 30 February, 25:00.</summary>
    InvalidDate,
    /// <summary>The time is now or already over.</summary>
    InPast,
    /// <summary>The time is further ahead than <see cref="StartTimeParser.MaxAhead"/>.</summary>
    TooFarAhead,
}

/// <summary>A parsed start time, or the reason there is none with a message for the person who typed it.</summary>
public sealed record StartTimeResult
{
    private StartTimeResult(StartTime? value, StartTimeError? error, string message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    public StartTime? Value { get; }

    public StartTimeError? Error { get; }

    /// <summary>
    /// Empty on success (see <see cref="StartTime.Note"/>); otherwise one or two sentences saying
    /// what was wrong and what would work, safe to show in Discord Markdown (text the user typed is escaped).
    /// </summary>
    public string Message { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    internal static StartTimeResult Success(StartTime value) => new(value, null, "");

    internal static StartTimeResult Failure(StartTimeError error, string message) => new(null, error, message);
}
