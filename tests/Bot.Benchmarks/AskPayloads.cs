using System.Globalization;
using System.Text.Json;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Benchmarks;

/// <summary>One /ask as the load generator sends it: its JSON, and the id and token the answers are traced by.</summary>
internal readonly record struct AskPayload(string Json, ulong Id, string Token);

/// <summary>
/// Distinct /ask interactions, cheaply: one built from the fixture (as <see cref="InteractionPayloads"/>
/// does), then only its id, token, question and member replaced, so the load generator spends its time
/// sending. Every question is distinct (<see cref="Distinct"/>), so the question-embedding cache never
/// hits, and each comes from another member, as many people asking at once do (no one hits the
/// per-member question cooldown or the per-member queue cap).
/// </summary>
internal sealed class AskPayloads
{
    private const string QuestionMark = "QQQ-question-QQQ";
    private const string UserMark = "UUU-user-UUU";

    /// <summary>Members' ids: one member per interaction.</summary>
    private const ulong FirstUser = 300_000_000_000_000_000;
    private readonly LocalDiscordServer _discord;
    private readonly IReadOnlyList<string> _questions;
    private readonly string[] _parts;
    private int _next;

    public AskPayloads(LocalDiscordServer discord, IReadOnlyList<string> questions)
    {
        _discord = discord;
        _questions = questions;
        var template = InteractionPayloads.SlashCommand(discord, "ask", [("question", QuestionMark)]);
        template["member"]!["user"]!["id"] = UserMark;
        var json = template.ToJsonString()
            .Replace((string)template["token"]!, "\u0001token\u0001", StringComparison.Ordinal)
            .Replace("\"" + (string)template["id"]! + "\"", "\"\u0001id\u0001\"", StringComparison.Ordinal)
            .Replace(QuestionMark, "\u0001question\u0001", StringComparison.Ordinal)
            .Replace(UserMark, "\u0001user\u0001", StringComparison.Ordinal);
        _parts = json.Split('\u0001');
        if (_parts.Count(p => p is "token" or "id" or "question" or "user") != 4)
            throw new InvalidOperationException("The /ask template does not have exactly one id, token, question and member: " + json);
    }

    public AskPayload Next()
    {
        var n = Interlocked.Increment(ref _next);
        var (id, token) = _discord.NewInteraction();
        var question = JsonEncodedText.Encode(Distinct(_questions[n % _questions.Count], n / _questions.Count)).ToString();
        var values = new string[_parts.Length];
        for (var i = 0; i < _parts.Length; i++)
        {
            values[i] = _parts[i] switch
            {
                "id" => id.ToString(CultureInfo.InvariantCulture),
                "token" => token,
                "question" => question,
                "user" => (FirstUser + (ulong)n).ToString(CultureInfo.InvariantCulture),
                var text => text,
            };
        }

        return new AskPayload(string.Concat(values), id, token);
    }

    /// <summary>
    /// Variant <paramref name="variant"/> of <paramref name="question"/>: the case of its j-th letter
    /// flipped where bit j of the variant is set ("wHo directed…"), and for short questions, whose letters
    /// run out, the rest of the variant as extra spaces after the first word. Every variant is a different
    /// text, so the question-embedding cache never hits, yet the same question to the engine (its analysis
    /// and the uncased model ignore case and repeated spaces), so each gets the answer the question gets.
    /// A number would not do: after the question mark the engine drops it (it answers only the sentences
    /// that ask), and inside the question it is one more term to match, which turns answers into "I don't know".
    /// </summary>
    public static string Distinct(string question, int variant)
    {
        var letters = question.Count(char.IsAsciiLetter);
        var flips = letters >= 30 ? variant : variant & ((1 << letters) - 1);
        var spaces = letters >= 30 ? 0 : variant >> letters;
        var text = question.ToCharArray();
        var bit = 0;
        for (var i = 0; i < text.Length && flips >> bit != 0; i++)
        {
            if (!char.IsAsciiLetter(text[i]))
                continue;
            if (((flips >> bit) & 1) == 1)
                text[i] = char.IsAsciiLetterUpper(text[i]) ? char.ToLowerInvariant(text[i]) : char.ToUpperInvariant(text[i]);
            bit++;
        }

        var varied = new string(text);
        if (spaces == 0)
            return varied;
        var gap = varied.IndexOf(' ', StringComparison.Ordinal);
        return gap > 0
            ? varied.Insert(gap, new string(' ', spaces))
            : throw new InvalidOperationException($"'{question}' is too short for {variant} distinct variants.");
    }
}
