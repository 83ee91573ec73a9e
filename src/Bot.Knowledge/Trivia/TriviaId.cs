using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Knowledge.Summaries;

namespace Bot.Knowledge.Trivia;

/// <summary>
/// A question's id: <c>{path hash}.{passage ordinal}.{sentence}.{candidate}.{seed}.{check}</c>,
/// e.g. <c>3fa1b2c4.2.1.0.1x2f9k.a1b2c3</c>. The first four parts find the answer, the seed
/// (base 36) regenerates the same options in the same order, and the check (a keyed MAC of the
/// question as shown, <see cref="StateKey"/>) rejects an id that was altered, made up, or that the
/// knowledge no longer gives the same question for. The check covers the right option's index,
/// but being keyed it cannot be recomputed for each option to find which one is right.
/// At most <see cref="TriviaQuestion.MaxIdLength"/> characters, no ':'.
/// </summary>
internal static partial class TriviaId
{
    /// <summary>Largest sentence position and candidate index an id holds (four and three digits).</summary>
    public const int MaxPosition = 9999;

    public const int MaxMention = 999;

    public static string Locator(KnowledgeSentence sentence) =>
        $"{PathKey(sentence.Passage.Path)}.{sentence.Passage.Ordinal.ToString(CultureInfo.InvariantCulture)}.{sentence.Position.ToString(CultureInfo.InvariantCulture)}";

    public static string Create(Fact fact, int seed, string text, IReadOnlyList<string> options, int right, StateKey key)
    {
        var check = key.Mac($"trivia\n{fact.Sentence.Sentence.Passage.Id}\n{fact.Sentence.Sentence.Text}\n{text}\n{string.Join('\n', options)}\n{right}", 6);
        return $"{Locator(fact.Sentence.Sentence)}.{fact.Mention.ToString(CultureInfo.InvariantCulture)}.{Base36((uint)seed)}.{check}";
    }

    /// <summary>Reads the parts needed to regenerate the question; the check is verified by comparing the regenerated id.</summary>
    public static bool TryParse(string? id, out string locator, out int mention, out int seed)
    {
        locator = "";
        mention = 0;
        seed = 0;
        if (id is null || id.Length > TriviaQuestion.MaxIdLength)
            return false;
        var match = Shape().Match(id);
        if (!match.Success
            || !int.TryParse(match.Groups["mention"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out mention)
            || !TryBase36(match.Groups["seed"].Value, out var unsigned))
        {
            return false;
        }

        locator = match.Groups["locator"].Value;
        seed = unchecked((int)unsigned);
        return true;
    }

    private static string PathKey(string path) => Hash(path)[..8];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Base36(uint value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var result = new StringBuilder();
        do
        {
            result.Insert(0, digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);
        return result.ToString();
    }

    private static bool TryBase36(string text, out uint value)
    {
        ulong result = 0;
        foreach (var c in text)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c - 'a' + 10;
            result = result * 36 + (ulong)digit;
            if (result > uint.MaxValue)
            {
                value = 0;
                return false;
            }
        }

        value = (uint)result;
        return true;
    }

    [GeneratedRegex(@"^(?<locator>[0-9a-f]{8}\.\d{1,9}\.\d{1,4})\.(?<mention>\d{1,3})\.(?<seed>[0-9a-z]{1,7})\.[0-9a-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
