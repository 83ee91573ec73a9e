using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Knowledge.Analysis;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Text;

namespace Bot.Commands.About;

/// <summary>
/// Finds the topics of the knowledge from its text alone: names of several capitalised words
/// ("Madeleine Gavin", "City of Joy"), a capitalised name followed by "family" ("the Roh family"
/// gives "Roh family"), capitalised single words that recur and are not just capitalised because
/// they start a sentence, plus front-matter tags, section headings and document titles. Headings
/// and titles are topics whole, not searched for names: their words are capitalised by style.
/// </summary>
internal static partial class TopicExtractor
{
    /// <summary>Longer capitalised runs are title-cased phrases rather than names.</summary>
    private const int MaxNameWords = 6;

    /// <summary>A single capitalised word is a topic only when the knowledge names it this often.</summary>
    private const int MinSingleWordCount = 2;

    /// <summary>Lower-case words that may sit inside a name: "City of Joy", "Leonardo da Vinci".</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "de", "da", "du", "del", "della", "di", "la", "le", "van", "von", "der", "den", "al", "bin", "y" };

    /// <summary>Words after a name that make "X family" a name of its own.</summary>
    private static readonly HashSet<string> Kin = new(StringComparer.Ordinal) { "family" };

    /// <summary>Words that are capitalised for grammar, never as names: English function words.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
        "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "who", "whom", "whose", "what",
        "which", "when", "where", "why", "how", "here", "there", "then", "so", "yet", "also", "just", "even", "still", "now",
        "a", "an", "and", "or", "but", "nor", "if", "in", "on", "at", "to", "of", "for", "from", "by", "with", "without",
        "as", "is", "are", "was", "were", "be", "been", "not", "no", "yes", "oh", "all", "some", "any", "each", "every",
        "both", "either", "neither", "one", "after", "before", "during", "while", "because", "since", "until", "though",
        "although", "however", "meanwhile", "together", "despite", "into", "onto", "over", "under", "about", "like", "do",
        "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "let", "let's",
    };

    public static TopicCatalog Extract(IndexContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var sentences = new List<Token[]>();
        foreach (var document in contents.Documents)
        {
            foreach (var passage in document.Passages)
            {
                foreach (var span in SentenceSplitter.Spans(passage.Text))
                    sentences.Add(Tokenize(passage.Text, span));
            }
        }

        var proper = ProperWords(sentences);
        var topics = new Tally();
        var singles = new Tally();
        foreach (var tokens in sentences)
            CollectNames(tokens, proper, topics, singles);
        foreach (var (key, entry) in singles.Entries)
        {
            if (entry.Count >= MinSingleWordCount)
                topics.Add(key, entry);
        }

        foreach (var document in contents.Documents)
        {
            foreach (var tag in document.Tags)
                topics.Record(tag.Replace('-', ' ').Replace('_', ' ').Trim(), TopicKinds.Tag);
            topics.Record(document.Title, TopicKinds.Document);
            foreach (var section in document.Passages.Select(p => p.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
                topics.Record(section, TopicKinds.Section);
        }

        return new TopicCatalog(contents.Version, topics.ToTopics());
    }

    /// <summary>
    /// Lower-cased words that are names when capitalised: capitalised somewhere other than at the
    /// start of a sentence, at least as often as they are written in lower case, and not function words.
    /// </summary>
    private static HashSet<string> ProperWords(List<Token[]> sentences)
    {
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in sentences)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i];
                if (!token.Capitalised)
                    lower[token.Lower] = lower.GetValueOrDefault(token.Lower) + 1;
                else if (i > 0)
                    capitalised[token.Lower] = capitalised.GetValueOrDefault(token.Lower) + 1;
            }
        }

        return capitalised
            .Where(kv => kv.Key.Length > 1 && kv.Value >= lower.GetValueOrDefault(kv.Key) && !FunctionWords.Contains(kv.Key) && !TextAnalysis.StopWords.Contains(kv.Key))
            .Select(kv => kv.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static void CollectNames(Token[] tokens, HashSet<string> proper, Tally topics, Tally singles)
    {
        bool IsName(int i) => tokens[i].Capitalised && proper.Contains(tokens[i].Lower);

        var i = 0;
        while (i < tokens.Length)
        {
            if (!IsName(i))
            {
                i++;
                continue;
            }

            var words = new List<string> { tokens[i].Text };
            var last = i;
            while (!tokens[last].Possessive && last + 1 < tokens.Length && tokens[last + 1].JoinsPrevious)
            {
                if (IsName(last + 1))
                {
                    words.Add(tokens[++last].Text);
                    continue;
                }

                if (Connectors.Contains(tokens[last + 1].Text) && !tokens[last + 1].Possessive
                    && last + 2 < tokens.Length && tokens[last + 2].JoinsPrevious && IsName(last + 2))
                {
                    words.Add(tokens[last + 1].Text);
                    words.Add(tokens[last + 2].Text);
                    last += 2;
                    continue;
                }

                break;
            }

            var kin = !tokens[last].Possessive && last + 1 < tokens.Length && tokens[last + 1].JoinsPrevious && Kin.Contains(tokens[last + 1].Lower);
            if (kin)
                words.Add(tokens[++last].Lower);

            if (words.Count <= MaxNameWords + (kin ? 1 : 0))
            {
                var name = string.Join(' ', words);
                if (words.Count > 1)
                    topics.Record(name, TopicKinds.Name);
                else
                    singles.Record(name, TopicKinds.Name);
            }

            i = last + 1;
        }
    }

    private static Token[] Tokenize(string text, TextSpan sentence)
    {
        var tokens = new List<Token>();
        var previousEnd = -1;
        foreach (Match match in Word().Matches(text.Substring(sentence.Start, sentence.Length)))
        {
            var raw = match.Value;
            var possessive = false;
            if (raw.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || raw.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))
            {
                raw = raw[..^2];
                possessive = true;
            }
            else if (raw.EndsWith('\'') || raw.EndsWith('\u2019'))
            {
                possessive = true;
            }

            var word = raw.TrimEnd('\'', '\u2019', '-');
            if (word.Length == 0)
                continue;
            var start = sentence.Start + match.Index;
            var joins = previousEnd >= 0 && IsSpaceOnly(text, previousEnd, start);
            tokens.Add(new Token(word, word.ToLowerInvariant(), char.IsUpper(word[0]) || CharUnicodeInfo.GetUnicodeCategory(word[0]) == UnicodeCategory.TitlecaseLetter, possessive, joins));
            previousEnd = start + match.Length;
        }

        return [.. tokens];
    }

    private static bool IsSpaceOnly(string text, int from, int to)
    {
        if (to <= from)
            return false;
        for (var i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\t' or '\u00A0'))
                return false;
        }

        return true;
    }

    /// <summary>A word: letters, then letters, marks, digits, apostrophes or hyphens ("Kim's", "Jean-Luc").</summary>
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{Nd}'\u2019\-]*")]
    private static partial Regex Word();

    /// <param name="JoinsPrevious">Only spaces stand between this word and the one before it in the sentence.</param>
    private readonly record struct Token(string Text, string Lower, bool Capitalised, bool Possessive, bool JoinsPrevious);

    /// <summary>Topics by folded key: how often each is named, in which spellings, and as what.</summary>
    private sealed class Tally
    {
        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public void Record(string name, TopicKinds kind)
        {
            var key = TopicText.Fold(name);
            if (key.Length == 0 || !key.Any(char.IsLetterOrDigit))
                return;
            if (!Entries.TryGetValue(key, out var entry))
                Entries[key] = entry = new Entry();
            entry.Count++;
            entry.Kinds |= kind;
            // Tags are written for machines ("roh-family"): a spelling from the text wins.
            entry.Spellings[name] = entry.Spellings.GetValueOrDefault(name) + (kind == TopicKinds.Tag ? 0 : 1);
        }

        public void Add(string key, Entry other)
        {
            if (!Entries.TryGetValue(key, out var entry))
            {
                Entries[key] = other;
                return;
            }

            entry.Count += other.Count;
            entry.Kinds |= other.Kinds;
            foreach (var (spelling, count) in other.Spellings)
                entry.Spellings[spelling] = entry.Spellings.GetValueOrDefault(spelling) + count;
        }

        public IReadOnlyList<Topic> ToTopics() =>
            Entries
                .Select(kv => new Topic(
                    kv.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                    kv.Key,
                    kv.Value.Count,
                    kv.Value.Kinds))
                .Where(t => t.Name.Length <= TopicCatalog.MaxNameLength && t.Key.Length <= TopicCatalog.MaxNameLength)
                .ToArray();
    }

    private sealed class Entry
    {
        public int Count { get; set; }

        public TopicKinds Kinds { get; set; }

        public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);
    }
}
