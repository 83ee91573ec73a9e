using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Knowledge.Analysis;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Search;

/// <summary>
/// Reads a chat message the way a person would before answering it: the greeting, the emoji and
/// the filler go ("hey bot quick one: ...", "... fr 💀"), chat spellings are spelled out ("ppl",
/// "thru"), and of a message of several sentences only the ones that ask are kept ("i just
/// watched it and was confused. why ...?"). What is left is what both the word search and the
/// sentence model see: their words would otherwise pull the search towards unrelated passages.
/// </summary>
internal static partial class QuestionCleanup
{
    /// <summary>Words a sentence asks with, when it has no question mark ("where were they tryna get to").</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "who", "whom", "whose", "what", "whats", "which", "where", "wheres", "when", "why", "how", "hows", "is", "are", "was", "were",
        "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "should", "whos", "wat", "wut", "y",
    };

    public static string Clean(string message)
    {
        var text = WithoutSymbols(message);
        text = AskingPart(text);
        text = Expand(text);
        text = WithoutOpeners(text);
        text = Spaces().Replace(text, " ").Trim(' ', ',', ';', '-', '\u2014', '\u2013');
        // Nothing left (a message of only "lol?"): the original words are all there is.
        return text.Any(char.IsLetterOrDigit) ? text : message.Trim();
    }

    /// <summary>Emoji and pictographs say how someone feels, not what they ask.</summary>
    private static string WithoutSymbols(string message)
    {
        var s = new StringBuilder(message.Length);
        foreach (var rune in message.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var variationSelector = rune.Value is >= 0xFE00 and <= 0xFE0F;
            if (variationSelector || category is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
                    or UnicodeCategory.PrivateUse or UnicodeCategory.Format)
            {
                s.Append(' ');
                continue;
            }

            s.Append(rune.ToString());
        }

        return s.ToString();
    }

    /// <summary>
    /// The sentences that ask. A lead-in ending with a colon ("hey bot quick one:", "For our notes:")
    /// is dropped; then sentences ending with "?" or opening with a question word are kept, and
    /// the rest ("my friend say yes", "i forget") only when none asks.
    /// </summary>
    private static string AskingPart(string text)
    {
        var colon = text.IndexOf(':');
        if (colon > 0 && colon < text.Length - 1 && Words(text[..colon]) <= 6 && text[(colon + 1)..].Any(char.IsLetter))
            text = text[(colon + 1)..];
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count < 2)
            return text;
        var asking = new List<string>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (!Asks(sentences[i]))
                continue;
            // "… they still praise the leader after they ran away. why?": a question of question words
            // alone asks about the sentence before it, which would otherwise be dropped as not asking.
            if (i > 0 && Bare(sentences[i]) && !Asks(sentences[i - 1]))
                asking.Add(sentences[i - 1]);
            asking.Add(sentences[i]);
        }

        return asking.Count == 0 ? text : string.Join(' ', asking);
    }

    /// <summary>
    /// Whether a cleaned question leaves nothing to ask: no word at all ("?", "🍿" once emoji are gone)
    /// or a question word alone ("what", "why?"). The sentence model would still embed it, land near
    /// some sentence and answer with confidence.
    /// </summary>
    public static bool AsksNothing(string cleaned)
    {
        var words = WordsOf(cleaned);
        return words.Length == 0 || (words.Length == 1 && IsQuestionWord(words[0]));
    }

    /// <summary>A sentence of question and function words only: "why?", "Which?", "how so?".</summary>
    private static bool Bare(string sentence) => WordsOf(sentence).All(IsQuestionWord);

    private static bool IsQuestionWord(string word) => QuestionWords.Contains(word.ToLowerInvariant()) || Analysis.QuestionWords.Set.Contains(word);

    /// <summary>The words of a text, punctuation around them trimmed; a run of punctuation alone is no word.</summary>
    private static string[] WordsOf(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation))
            .Where(w => w.Any(char.IsLetterOrDigit))
            .ToArray();

    private static readonly char[] Punctuation = ['?', '!', '.', ',', ';', ':', '"', '\'', '(', ')', '[', ']', '\u2026', '\u00BF', '\u00A1', '\u201C', '\u201D', '\u2018', '\u2019'];

    private static bool Asks(string sentence)
    {
        if (sentence.TrimEnd('"', '\'', '\u201D', '\u2019', ')', ' ').EndsWith('?'))
            return true;
        var first = WithoutOpeners(sentence.ToLowerInvariant()).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && QuestionWords.Contains(first);
    }

    /// <summary>Chat spellings spelled out, filler words and phrases dropped. Case is kept elsewhere.</summary>
    private static string Expand(string text)
    {
        foreach (var phrase in ChatWords.Phrases)
            text = Regex.Replace(text, $@"\b{Regex.Escape(phrase)}\b", " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return ChatWord().Replace(text, m =>
        {
            var word = m.Value;
            var lower = word.ToLowerInvariant();
            if (ChatWords.Expansions.TryGetValue(lower, out var plain))
                return plain;
            // Dropped g's: "doin", "runnin'" are "doing", "running".
            if (lower.Length >= 4 && (lower.EndsWith("in'", StringComparison.Ordinal) || lower.EndsWith("in\u2019", StringComparison.Ordinal)))
                return word[..^1] + "g";
            return word;
        });
    }

    /// <summary>"hey bot, ok so where ..." → "where ...".</summary>
    private static string WithoutOpeners(string text)
    {
        var rest = text.TrimStart();
        while (true)
        {
            var m = LeadingWord().Match(rest);
            if (!m.Success || !ChatWords.Openers.Contains(m.Groups[1].Value.ToLowerInvariant()))
                return rest;
            var remaining = rest[m.Length..];
            if (!remaining.Any(char.IsLetter))
                return rest;
            rest = remaining;
        }
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^\s*([\p{L}']+)[\s,.!:;\-]*")]
    private static partial Regex LeadingWord();

    [GeneratedRegex(@"(?<![\p{L}\p{N}'\u2019])(?:\p{L}+in['\u2019](?![\p{L}\p{N}])|[\p{L}\p{N}]+(?![\p{L}\p{N}]))")]
    private static partial Regex ChatWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
