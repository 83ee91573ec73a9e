using System.Globalization;

namespace Bot.Tests.Observability;

/// <summary>Reads samples out of the Prometheus text format, as a scraper would.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The value of the sample named <paramref name="name"/> whose labels include every one of
    /// <paramref name="labels"/> (others may be there too); null when there is none.
    /// </summary>
    public static double? Value(string text, string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
                continue;
            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
                continue; // a longer name that starts the same way
            var close = rest.StartsWith('{') ? rest.LastIndexOf('}') : -1; // label values may hold braces (route templates)
            var labelText = close > 0 ? rest[1..close] : "";
            if (labels.All(l => labelText.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
                return double.Parse(rest[(close + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        return null;
    }
}
