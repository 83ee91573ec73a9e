using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Knowledge.Trivia;

/// <summary>A word or a number of a sentence and where it stands.</summary>
/// <param name="Text">The word without a possessive ending ("China" for "China’s", "Jesus" for "Jesus’").</param>
/// <param name="End">Where <see cref="Text"/> ends.</param>
/// <param name="RawEnd">Where the token ends, possessive ending included.</param>
internal readonly record struct Token(string Text, int Start, int End, int RawEnd, bool IsNumber, bool Possessive)
{
    public string Lower => Text.ToLowerInvariant();
}

/// <summary>What the words around a capitalised run say it is.</summary>
[Flags]
internal enum Cues
{
    None = 0,
    /// <summary>Starts with a title: "Pastor Kim", "Dr. Tomas Okafor". Strong evidence of a person.</summary>
    Title = 1 << 0,
    /// <summary>Followed by "family": "the Roh family".</summary>
    Family = 1 << 1,
    /// <summary>Ends with (or opens "X of Y" with) an organisation noun: "Caleb Mission", "Ministry of Waterways". Strong.</summary>
    OrganizationNoun = 1 << 2,
    /// <summary>Ends with (or opens "X of Y" with) a place noun: "Changbai Mountain", "Lake Orvan", "Gulf of Tessaly". Strong.</summary>
    PlaceNoun = 1 << 3,
    /// <summary>After a locative preposition ("in Laos", "between Vietnam and Laos", "in the Halden Valley"). Weak.</summary>
    Locative = 1 << 4,
    /// <summary>Beside a role noun or a verb of speech: "the director, Madeleine Gavin", "Gavin, the director", "Okafor said". Weak.</summary>
    Role = 1 << 5,
    /// <summary>Inside quotation marks: a title of a work or words spoken, not a fact to ask about.</summary>
    Quoted = 1 << 6,
    /// <summary>A word ending like a demonym before a lower-case content word ("North Korean defectors", "Thai border"): an adjective, not a name.</summary>
    Adjectival = 1 << 7,
}

/// <summary>A run of capitalised words that may name someone or something.</summary>
/// <param name="Key">The run in lower case, its words separated by single spaces: the same name wherever it occurs.</param>
/// <param name="NameWords">Its words in lower case without titles and connectors ("kim" for "Pastor Kim"): two names are the same one when one's words are among the other's.</param>
internal sealed record NameRun(int Start, int Length, string Text, string Key, IReadOnlySet<string> NameWords, Cues Cues);

/// <summary>A number written in digits that may be asked about.</summary>
internal sealed record NumberMention(int Start, int Length, string Text, decimal Value, TriviaKind Kind);

/// <summary>
/// Finds the candidate answers of a sentence and the clues around them. Everything here is
/// generic English: word lists of titles, roles, place and organisation nouns, never a name of
/// the knowledge. Which kind a name is gets decided over the whole knowledge (<see cref="TriviaFacts"/>).
/// <list type="bullet">
/// <item>A name is a run of capitalised words (at least two letters, not a function word, month or
/// weekday) joined by single spaces, possibly with one lower-case connector ("of", "de", "van"...)
/// between two of them, and ended by a possessive.</item>
/// <item>A capitalised word that opens the sentence (or follows an opening quote, bracket or colon)
/// counts only when the knowledge also writes it capitalised in mid-sentence, so "Meet" and
/// "Enter" are not names while "Kim" and "Pastor" are.</item>
/// <item>Numbers in digits count unless glued to letters or to '-', '/', ':' ("24th", "COVID-19",
/// "20:00"), after a month ("March 3") or a label ("No. 5", "page 12"). Four digits from 1500 to
/// 2100 are a year unless a content word follows ("1800 kilometres").</item>
/// </list>
/// </summary>
internal static partial class MentionFinder
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pastor", "reverend", "rev", "father", "bishop", "rabbi",
        "imam", "sheikh", "brother", "sister", "president", "senator", "governor", "mayor", "general", "colonel", "col",
        "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "admiral", "commander", "king", "queen", "prince",
        "princess", "lord", "lady", "sir", "dame", "judge", "chancellor", "minister", "chief", "elder", "deacon", "cardinal", "pope",
    };

    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "director", "filmmaker", "producer", "writer", "author", "journalist", "reporter", "photographer", "cameraman",
        "editor", "pastor", "priest", "minister", "missionary", "reverend", "founder", "cofounder", "co-founder", "leader",
        "guide", "broker", "smuggler", "activist", "scientist", "explorer", "researcher", "professor", "doctor", "nurse",
        "teacher", "student", "captain", "pilot", "navigator", "geologist", "biologist", "historian", "botanist",
        "cartographer", "surveyor", "engineer", "officer", "soldier", "commander", "general", "president", "chairman",
        "chairwoman", "chair", "manager", "spokesperson", "spokesman", "spokeswoman", "wife", "husband", "son", "daughter",
        "mother", "father", "brother", "sister", "friend", "colleague", "partner", "defector", "survivor", "refugee", "farmer",
        "fisherman", "boatman", "translator", "interpreter", "host", "narrator", "actor", "actress", "singer", "artist",
        "poet", "novelist", "lawyer", "judge", "mayor", "governor", "senator", "volunteer", "porter", "cook", "medic", "chef",
        "member", "keeper", "deputy", "assistant", "nephew", "niece", "uncle", "aunt", "cousin", "grandson", "granddaughter",
        "grandfather", "grandmother", "widow", "widower", "fiancé", "fiancée", "boyfriend", "girlfriend", "neighbour", "neighbor",
        "coach", "player", "climber", "sailor", "hunter", "trader", "merchant", "monk", "nun", "bishop", "rabbi", "imam",
    };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "explained", "explains", "recalled", "recalls", "wrote", "writes", "added",
        "insisted", "believes", "believed", "remembered", "remembers", "smiled", "laughed", "prayed", "asked", "replied",
    };

    private static readonly HashSet<string> OrganizationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "mission", "missions", "church", "ministry", "ministries", "foundation", "institute", "institution", "university",
        "college", "academy", "school", "company", "corporation", "corp", "inc", "ltd", "llc", "association", "society",
        "council", "committee", "agency", "bureau", "bank", "party", "army", "navy", "union", "group", "club", "hospital",
        "museum", "network", "studios", "studio", "press", "trust", "fund", "department", "office", "commission",
        "organization", "organisation", "service", "services", "federation", "league", "alliance", "coalition", "project",
        "laboratory", "laboratories", "lab", "labs", "brigade", "police", "guard", "corps", "court", "parliament", "congress",
        "senate", "assembly", "charity", "initiative", "films", "pictures", "productions", "entertainment", "records",
        "times", "post", "journal", "magazine", "radio", "news", "broadcasting", "centre", "center", "team", "network",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "mountain", "mountains", "river", "lake", "sea", "ocean", "island", "islands", "isle", "valley", "desert", "forest",
        "jungle", "bay", "gulf", "strait", "straits", "peninsula", "province", "prefecture", "county", "city", "town",
        "village", "street", "road", "avenue", "square", "falls", "canyon", "coast", "pass", "delta", "plateau", "plain",
        "plains", "region", "district", "harbour", "harbor", "hills", "hill", "creek", "glacier", "bridge", "station",
        "airport", "basin", "heights", "range", "reservoir", "lagoon", "gorge", "rapids", "springs", "beach", "cove", "fjord",
        "peak", "ridge", "volcano", "highlands", "lowlands", "marsh", "swamp", "wetlands", "archipelago", "territory",
        "republic", "kingdom", "camp", "border",
    };

    /// <summary>Words that open a place's name: "Mount Ferro", "Lake Orvan", "Port Amberly".</summary>
    private static readonly HashSet<string> PlacePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mount", "lake", "port", "cape", "fort", "isle", "mt",
    };

    /// <summary>Prepositions after which a name is a place. Not "to", "from", "at" or "on": "new to Christianity", "learned from Kim", "on Amazon Prime".</summary>
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "between", "through", "across", "into", "inside", "outside", "around", "within", "along", "toward",
        "towards", "throughout", "via",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "de", "da", "di", "du", "des", "van", "von", "der", "del", "la", "le", "bin", "al",
    };

    /// <summary>Capitalised only because they open a sentence or a quotation: never part of a name.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "he", "she", "we", "you", "i", "his", "her", "hers", "our", "my", "your", "its", "them", "him", "us", "so", "here",
        "when", "where", "what", "who", "why", "how", "after", "before", "despite", "during", "while", "although",
        "though", "yet", "also", "however", "meanwhile", "once", "now", "today", "tomorrow", "yesterday", "those", "from",
        "over", "under", "about", "all", "both", "each", "every", "some", "many", "most", "one", "two", "three", "first",
        "last", "next", "after", "since", "until", "upon", "like", "just", "only", "even", "still", "well", "yes", "oh",
    };

    private static readonly HashSet<string> Calendar = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static readonly HashSet<string> YearIntroducers = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "until", "till", "from", "before", "after", "around", "circa", "during", "year", "early", "late",
        "mid", "spring", "summer", "autumn", "fall", "winter",
    };

    /// <summary>Words before a number that make it a label rather than a quantity: "No. 5", "page 12", "Route 66".</summary>
    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "number", "chapter", "page", "episode", "season", "part", "room", "route", "highway", "flight", "volume",
        "vol", "track", "verse", "psalm", "article", "section", "step", "level", "grade", "class", "apollo",
    };

    /// <summary>
    /// Where each quotation of the sentence (curly or straight marks) opens and closes. A closing
    /// mark without an opening one ("Beyond Utopia” isn’t") closes a quotation that began before
    /// the sentence; an opening mark never closed runs to its end.
    /// </summary>
    private static List<(int Start, int End)> Quotations(string sentence)
    {
        var spans = new List<(int, int)>();
        int? curly = null, straight = null;
        for (var i = 0; i < sentence.Length; i++)
        {
            switch (sentence[i])
            {
                case '\u201C':
                    curly = i;
                    break;
                case '\u201D':
                    spans.Add((curly ?? -1, i));
                    curly = null;
                    break;
                case '"' when straight is null:
                    straight = i;
                    break;
                case '"':
                    spans.Add((straight!.Value, i));
                    straight = null;
                    break;
            }
        }

        if (curly is { } openCurly)
            spans.Add((openCurly, sentence.Length));
        if (straight is { } openStraight)
            spans.Add((openStraight, sentence.Length));
        return spans;
    }

    public static IReadOnlyList<Token> Tokenize(string sentence)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(sentence))
        {
            var isNumber = char.IsAsciiDigit(m.Value[0]);
            var text = m.Value;
            var possessive = false;
            if (!isNumber)
            {
                if (text.Length > 2 && (text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || text.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
                {
                    text = text[..^2];
                    possessive = true;
                }
                else if (text.Length > 1 && text[^1] is '\'' or '\u2019')
                {
                    text = text[..^1];
                    possessive = text.EndsWith('s');
                }

                text = text.TrimEnd('-');
                if (text.Length == 0)
                    continue;
            }

            tokens.Add(new Token(text, m.Index, m.Index + text.Length, m.Index + m.Length, isNumber, possessive));
        }

        return tokens;
    }

    /// <summary>Words written capitalised where no sentence or quotation starts: evidence that they are names.</summary>
    public static IEnumerable<string> MidSentenceCapitals(string sentence)
    {
        var tokens = Tokenize(sentence);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsCapitalised(tokens[i]) && !OpensClause(sentence, tokens, i))
                yield return tokens[i].Lower;
        }
    }

    public static IReadOnlyList<NameRun> Names(string sentence, IReadOnlySet<string> midSentenceCapitals)
    {
        var tokens = Tokenize(sentence);
        var quotations = Quotations(sentence);
        var runs = new List<(NameRun Run, int First, int Last)>();
        bool IsName(int i) =>
            i < tokens.Count && IsCapitalised(tokens[i])
            && (!OpensClause(sentence, tokens, i) || midSentenceCapitals.Contains(tokens[i].Lower) || (Titles.Contains(tokens[i].Text) && IsCapitalised(tokens, i + 1)));

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsName(i))
                continue;
            var first = i;
            var last = i;
            while (last + 1 < tokens.Count && !tokens[last].Possessive)
            {
                var gap = Gap(sentence, tokens, last);
                if (gap == " " && IsName(last + 1))
                    last++;
                else if (gap == ". " && Titles.Contains(tokens[last].Text) && IsName(last + 1))
                    last++; // "Dr. Okafor"
                else if (gap == " " && Connectors.Contains(tokens[last + 1].Text) && !tokens[last + 1].Possessive
                         && Gap(sentence, tokens, last + 1) == " " && IsName(last + 2))
                    last += 2; // "Ministry of Waterways"
                else
                    break;
            }

            i = last;
            var words = Enumerable.Range(first, last - first + 1).Select(k => tokens[k]).ToArray();
            var nameWords = words.Where(w => !Titles.Contains(w.Text) && !Connectors.Contains(w.Text)).Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
            if (nameWords.Count == 0)
                continue; // a title alone: "this Pastor, Seungeun Kim"

            var start = tokens[first].Start;
            var end = tokens[last].End;
            var cues = Describe(sentence, tokens, first, last, quotations, runs.Count > 0 ? runs[^1] : null);
            var text = sentence[start..end];
            var key = string.Join(' ', words.Select(w => w.Lower));
            runs.Add((new NameRun(start, end - start, text, key, nameWords, cues), first, last));
        }

        return runs.Select(r => r.Run).ToArray();
    }

    private static Cues Describe(
        string sentence, IReadOnlyList<Token> tokens, int first, int last, List<(int Start, int End)> quotations, (NameRun Run, int First, int Last)? previous)
    {
        var cues = Cues.None;
        var head = tokens[first];
        var tail = tokens[last];
        var hasOf = Enumerable.Range(first, last - first + 1).Any(k => tokens[k].Text == "of");
        var multiWord = last > first;

        if (Titles.Contains(head.Text) && last > first)
            cues |= Cues.Title;
        if (OrganizationNouns.Contains(tail.Text) && multiWord || OrganizationNouns.Contains(head.Text) && hasOf)
            cues |= Cues.OrganizationNoun;
        if (PlaceNouns.Contains(tail.Text) && multiWord || PlacePrefixes.Contains(head.Text) && multiWord || PlaceNouns.Contains(head.Text) && hasOf)
            cues |= Cues.PlaceNoun;

        var next = last + 1 < tokens.Count ? tokens[last + 1] : (Token?)null;
        var gapAfter = next is null ? "" : Gap(sentence, tokens, last);
        var nextIsLowerWord = next is { IsNumber: false } n && gapAfter == " " && char.IsLower(n.Text[0]);
        if (nextIsLowerWord && next!.Value.Text is "family" or "families" && !tail.Possessive)
            cues |= Cues.Family;
        else if (nextIsLowerWord && !tail.Possessive && (cues & (Cues.OrganizationNoun | Cues.PlaceNoun)) == 0 && Demonym().IsMatch(tail.Text)
                 && !FunctionWords.Contains(next!.Value.Text) && !SpeechVerbs.Contains(next.Value.Text))
            cues |= Cues.Adjectival; // "Korean defectors", not "Orvan before" or "Jordan said"

        if (quotations.Any(q => head.Start > q.Start && head.Start < q.End))
            cues |= Cues.Quoted;

        // Before the run: a locative, a locative and "the", or a place it is listed with.
        var before = first - 1;
        if (before >= 0)
        {
            var p = tokens[before];
            var gap = Gap(sentence, tokens, before);
            if (!tail.Possessive && (cues & Cues.Family) == 0)
            {
                if (gap == " " && Locatives.Contains(p.Text))
                    cues |= Cues.Locative;
                else if (gap == " " && p.Lower is "the" && before >= 1 && Gap(sentence, tokens, before - 1) == " " && Locatives.Contains(tokens[before - 1].Text))
                    cues |= Cues.Locative;
                else if (previous is { } prior && prior.Run.Cues.HasFlag(Cues.Locative) && !prior.Run.Cues.HasFlag(Cues.Quoted)
                         && ((gap == " " && p.Lower is "and" or "or" && prior.Last == before - 1 && Gap(sentence, tokens, before - 1) == " ")
                             || (prior.Last == before && gap == ", ")))
                    cues |= Cues.Locative; // "between Vietnam and Laos", "through Tessaly, Orvan and ..."
            }

            // "the director, Madeleine Gavin", "director Madeleine Gavin", "this Pastor, Seungeun Kim"
            if (!p.IsNumber && Roles.Contains(p.Text) && gap is " " or ", ")
                cues |= Cues.Role;
        }

        // After the run: "Gavin, the director", "Gavin, director of ...", "Okafor said".
        if (next is { IsNumber: false } after)
        {
            if (gapAfter == " " && SpeechVerbs.Contains(after.Text) && char.IsLower(after.Text[0]))
                cues |= Cues.Role;
            if (gapAfter == ", " && Roles.Contains(after.Text) && char.IsLower(after.Text[0]))
                cues |= Cues.Role;
            if (gapAfter == ", " && after.Lower is "the" or "a" or "an" && last + 2 < tokens.Count
                && Gap(sentence, tokens, last + 1) == " " && Roles.Contains(tokens[last + 2].Text) && char.IsLower(tokens[last + 2].Text[0]))
                cues |= Cues.Role;
        }

        return cues;
    }

    public static IReadOnlyList<NumberMention> Numbers(string sentence)
    {
        var tokens = Tokenize(sentence);
        var quotations = Quotations(sentence);
        var numbers = new List<NumberMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsNumber || !NumberShape().IsMatch(t.Text))
                continue;
            var before = t.Start > 0 ? sentence[t.Start - 1] : ' ';
            var after = t.End < sentence.Length ? sentence[t.End] : ' ';
            if (char.IsLetter(before) || before is '-' or '/' or ':' or '#' or '.' or ',' || char.IsLetter(after) || after is '-' or '/' or ':')
                continue;
            if (quotations.Any(q => t.Start > q.Start && t.Start < q.End))
                continue;
            if (i > 0 && !tokens[i - 1].IsNumber && Gap(sentence, tokens, i - 1).Trim(' ', '.').Length == 0
                && (Calendar.Contains(tokens[i - 1].Text) || Labels.Contains(tokens[i - 1].Text)))
                continue;
            // Past fifteen digits a number is an identifier, and its variations could overflow.
            if (t.Text.Length > 15
                || !decimal.TryParse(t.Text.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || value == 0)
                continue;
            numbers.Add(new NumberMention(t.Start, t.End - t.Start, t.Text, value, IsYear(sentence, tokens, i, value) ? TriviaKind.Year : TriviaKind.Number));
        }

        return numbers;
    }

    /// <summary>
    /// Four digits from 1500 to 2100 after a word that introduces a date ("in 1913", "until 2011"),
    /// or not followed by a content word ("1800 kilometres" is a distance).
    /// </summary>
    private static bool IsYear(string sentence, IReadOnlyList<Token> tokens, int i, decimal value)
    {
        var t = tokens[i];
        if (t.Text.Length != 4 || !t.Text.All(char.IsAsciiDigit) || value < 1500 || value > 2100)
            return false;
        if (i > 0 && !tokens[i - 1].IsNumber && Gap(sentence, tokens, i - 1) == " " && YearIntroducers.Contains(tokens[i - 1].Text))
            return true;
        if (i + 1 >= tokens.Count || Gap(sentence, tokens, i) != " ")
            return true;
        var next = tokens[i + 1];
        return next.IsNumber || !char.IsLower(next.Text[0]) || FunctionWords.Contains(next.Text) || SpeechVerbs.Contains(next.Text)
               || next.Lower is "was" or "were" or "had" or "saw" or "brought" or "marked";
    }

    private static bool IsCapitalised(IReadOnlyList<Token> tokens, int i) => i < tokens.Count && IsCapitalised(tokens[i]);

    private static bool IsCapitalised(Token t) =>
        !t.IsNumber && t.Text.Length >= 2 && char.IsUpper(t.Text[0]) && !FunctionWords.Contains(t.Text) && !Calendar.Contains(t.Text);

    /// <summary>Whether the token opens the sentence or a quotation, bracket or clause after a colon, where any word is capitalised.</summary>
    private static bool OpensClause(string sentence, IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0)
            return sentence[..tokens[0].Start].All(c => !char.IsLetterOrDigit(c));
        var gap = sentence[tokens[i - 1].RawEnd..tokens[i].Start];
        return gap.IndexOfAny(['\u201C', '"', '(', ':', '[', '\u2018']) >= 0;
    }

    /// <summary>The text between a token and the next one.</summary>
    private static string Gap(string sentence, IReadOnlyList<Token> tokens, int i) =>
        i + 1 < tokens.Count ? sentence[tokens[i].RawEnd..tokens[i + 1].Start] : sentence[tokens[i].RawEnd..];

    // ASCII digits only: \d would take any script's digits, which decimal.Parse then rejects.
    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}\p{Nd}'\u2019\-]*|[0-9][0-9,.]*[0-9]|[0-9]")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$")]
    private static partial Regex NumberShape();

    /// <summary>Endings of nationality adjectives: Korean, Vietnamese, Thai, British, Icelandic, Presbyterian.</summary>
    [GeneratedRegex(@"(an|ans|ese|ish|ic|i|ch)$")]
    private static partial Regex Demonym();
}
