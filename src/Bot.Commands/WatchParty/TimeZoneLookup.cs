using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bot.Commands.WatchParty;

/// <summary>Time zones as members name them: IANA ids (or Windows ids), any case, nothing that could reach outside the zone database.</summary>
public static partial class TimeZoneLookup
{
    private static readonly Lazy<IReadOnlyList<string>> SystemZoneIds = new(() =>
    {
        try
        {
            return TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidTimeZoneException)
        {
            return [];
        }
    });

    /// <summary>
    /// The time zone named by an IANA id (or a Windows id, which .NET translates), matched
    /// without regard to case; UTC for null or blank. False for anything else.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        id = id.Trim();
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        // Only the characters zone names use, and no way up the folder tree: the id becomes a file path on Linux.
        if (id.Length > 64 || id.Contains("..", StringComparison.Ordinal) || !ZoneIdShape().IsMatch(id))
            return false;
        if (Find(id) is { } exact)
        {
            zone = exact;
            return true;
        }

        var differentCase = SystemZoneIds.Value.FirstOrDefault(z => string.Equals(z, id, StringComparison.OrdinalIgnoreCase));
        zone = differentCase is null ? null : Find(differentCase);
        return zone is not null;

        static TimeZoneInfo? Find(string id)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+\-/ ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneIdShape();
}
