using System.Globalization;
using System.Text;

namespace Bot.Benchmarks;

/// <summary>
/// Writes a deterministic knowledge folder of <see cref="Documents"/> × <see cref="ParagraphsPerDocument"/>
/// generated passages, plus the shipped article and synonym file so the dev questions still have
/// their answers somewhere in it. Words follow a Zipf-like law over a few thousand pseudo-words and
/// some real English words (among them words the dev questions use, so those questions meet long
/// posting lists and competing passages, as they would in a larger real knowledge base).
/// </summary>
internal static class GeneratedCorpus
{
    public const int Documents = 200;
    public const int ParagraphsPerDocument = 50;
    public const int GeneratedPassages = Documents * ParagraphsPerDocument;
    private const int PseudoWords = 3000;
    private const int Seed = 20_231_027;

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ren", "ta", "vo", "shi", "dun", "pe", "ra", "zu", "gol", "ne", "fa", "ti", "bor",
        "sa", "qui", "mon", "el", "dra", "ve", "nu", "pat", "cor", "li", "sta", "ho", "ger", "wen", "ba", "ish",
    ];

    private static readonly string[] EnglishWords =
    [
        // Words the dev questions use: they make the generated passages real competitors.
        "family", "director", "film", "documentary", "mission", "help", "helped", "night", "jungle", "border",
        "year", "years", "meal", "prayer", "faith", "escape", "mountain", "china", "house", "safe", "journey",
        "rescue", "rescues", "church", "religious", "feel", "felt", "filming", "guide", "guided", "destination",
        "fate", "relatives", "wife", "army", "public", "pray", "streaming", "services", "earlier", "begging",
        "pastor", "defectors", "propaganda", "freedom", "viewers", "story", "struggles",
        // Everyday vocabulary.
        "river", "village", "city", "road", "train", "market", "school", "teacher", "doctor", "winter", "summer",
        "letter", "phone", "money", "bread", "water", "rice", "field", "farm", "factory", "worker", "soldier",
        "police", "guard", "bridge", "boat", "truck", "bus", "station", "hotel", "office", "camera", "crew",
        "interview", "question", "answer", "language", "music", "song", "book", "newspaper", "radio", "television",
        "mother", "father", "daughter", "son", "brother", "sister", "grandmother", "friend", "neighbour", "child",
        "children", "morning", "evening", "week", "month", "hour", "minute", "forest", "rain", "snow", "storm",
        "hope", "fear", "courage", "danger", "risk", "plan", "route", "map", "passport", "visa", "embassy",
        "government", "country", "nation", "law", "court", "prison", "camp", "refugee", "shelter", "food",
        "medicine", "hospital", "nurse", "computer", "message", "secret", "signal", "light", "darkness", "walk",
        "walked", "ran", "crossed", "waited", "hid", "found", "lost", "carried", "called", "wrote", "read",
        "watched", "learned", "taught", "built", "opened", "closed", "travelled", "arrived", "left", "returned",
        "small", "large", "old", "young", "new", "long", "short", "quiet", "loud", "cold", "warm", "hungry",
        "tired", "careful", "brave", "kind", "strong", "weak", "early", "late", "first", "last", "second",
        "north", "south", "east", "west", "coast", "island", "valley", "hill", "lake", "sea", "desert", "garden",
        "festival", "holiday", "wedding", "funeral", "birthday", "gift", "photograph", "memory", "dream", "voice",
        "team", "project", "report", "program", "contract", "budget", "price", "cost", "ticket", "audience",
        "award", "premiere", "producer", "editor", "writer", "actor", "scene", "footage", "sound", "screen",
    ];

    private static readonly string[] FunctionWords =
    [
        "the", "the", "the", "a", "an", "and", "and", "of", "of", "in", "to", "to", "with", "for", "on", "at",
        "by", "from", "was", "were", "is", "had", "has", "that", "this", "their", "his", "her", "they", "she",
        "he", "it", "into", "over", "after", "before", "through", "near", "while", "but", "not",
    ];

    /// <summary>Fills <paramref name="folder"/> (which should be empty) and returns the number of passages written.</summary>
    /// <param name="documents">How many documents to write: fewer than <see cref="Documents"/> writes the first ones of the
    /// full corpus (the generator draws in the same order), so a subset is a true prefix of it.</param>
    public static int Write(string folder, string shippedKnowledgeFolder, int documents = Documents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documents, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(documents, Documents);
        Directory.CreateDirectory(folder);
        var random = new Random(Seed);
        var vocabulary = BuildVocabulary(random);
        var cumulative = ZipfCumulative(vocabulary.Length, exponent: 1.05);

        var text = new StringBuilder(64 * 1024);
        for (var d = 0; d < documents; d++)
        {
            text.Clear();
            var title = Capitalize(Sentence(random, vocabulary, cumulative, 3, 6).TrimEnd('.'));
            if (d % 2 == 0)
            {
                text.Append("---\n");
                text.Append("title: ").Append(title).Append('\n');
                text.Append("source: Generated benchmark document ").Append(d.ToString(CultureInfo.InvariantCulture)).Append('\n');
                text.Append("tags: [").Append(Pick(random, vocabulary, cumulative)).Append(", ").Append(Pick(random, vocabulary, cumulative)).Append("]\n");
                text.Append("---\n\n");
            }

            text.Append("# ").Append(title).Append("\n\n");
            for (var p = 0; p < ParagraphsPerDocument; p++)
            {
                if (p % 5 == 0)
                    text.Append("## ").Append(Capitalize(Sentence(random, vocabulary, cumulative, 2, 4).TrimEnd('.'))).Append("\n\n");
                var sentences = random.Next(3, 6);
                for (var s = 0; s < sentences; s++)
                {
                    if (s > 0)
                        text.Append(random.Next(4) == 0 ? "\n" : " "); // some paragraphs wrap over lines
                    text.Append(Sentence(random, vocabulary, cumulative, 8, 19));
                }

                text.Append("\n\n");
            }

            CorpusWriter.WriteDocument(folder, d, text);
        }

        CorpusWriter.CopyShipped(shippedKnowledgeFolder, folder);
        return documents * ParagraphsPerDocument;
    }

    private static string[] BuildVocabulary(Random random)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < PseudoWords)
        {
            var syllables = random.Next(2, 5);
            var word = new StringBuilder();
            for (var i = 0; i < syllables; i++)
                word.Append(Syllables[random.Next(Syllables.Length)]);
            words.Add(word.ToString());
        }

        var all = words.Concat(EnglishWords.Distinct()).ToArray();
        random.Shuffle(all); // rank (and so frequency) is independent of where a word came from
        return all;
    }

    private static double[] ZipfCumulative(int count, double exponent)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            cumulative[i] = sum;
        }

        for (var i = 0; i < count; i++)
            cumulative[i] /= sum;
        return cumulative;
    }

    private static string Pick(Random random, string[] vocabulary, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        if (index < 0)
            index = ~index;
        return vocabulary[Math.Min(index, vocabulary.Length - 1)];
    }

    private static string Sentence(Random random, string[] vocabulary, double[] cumulative, int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        var sentence = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                sentence.Append(random.Next(12) == 0 ? ", " : " ");
            var roll = random.Next(100);
            string word;
            if (roll < 35)
            {
                word = FunctionWords[random.Next(FunctionWords.Length)];
            }
            else if (roll < 38)
            {
                word = random.Next(2) == 0
                    ? (1950 + random.Next(75)).ToString(CultureInfo.InvariantCulture) // a year
                    : random.Next(2, 5000).ToString("N0", CultureInfo.InvariantCulture); // a count
            }
            else if (roll < 44)
            {
                word = Capitalize(Pick(random, vocabulary, cumulative)); // a name
            }
            else
            {
                word = Pick(random, vocabulary, cumulative);
            }
            sentence.Append(i == 0 ? Capitalize(word) : word);
        }

        return sentence.Append('.').ToString();
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
