namespace Bot.Knowledge.Mentions;

/// <summary>
/// The words that decide where a name starts and ends, for every finder of names (topics, trivia):
/// one list of each, so they cannot drift apart. Generic English only, never a name of the knowledge.
/// </summary>
internal static class NameWords
{
    /// <summary>Capitalised only because they open a sentence, a quotation or a title-cased phrase: never part of a name.</summary>
    public static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
        "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "who", "whom", "whose", "what",
        "which", "when", "where", "why", "how", "here", "there", "then", "so", "yet", "also", "just", "even", "still", "now",
        "once", "today", "tomorrow", "yesterday", "well", "only", "a", "an", "the", "and", "or", "but", "nor", "if", "in",
        "on", "at", "to", "of", "for", "from", "by", "with", "without", "as", "is", "are", "was", "were", "be", "been",
        "will", "not", "no", "yes", "oh", "such", "all", "some", "any", "each", "every", "both", "either", "neither", "many",
        "most", "one", "two", "three", "first", "last", "next", "after", "before", "during", "while", "because", "since",
        "until", "upon", "though", "although", "however", "meanwhile", "together", "despite", "into", "onto", "over",
        "under", "about", "like", "do", "does", "did", "can", "could", "would", "should", "may", "might", "must", "let",
    };

    /// <summary>Lower-case words that may stand between two capitalised words of one name: "Ministry of Waterways", "Leonardo da Vinci".</summary>
    public static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "de", "da", "di", "du", "des", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "y",
    };

    /// <summary>Months and weekdays: capitalised, never a name to suggest or ask about.</summary>
    public static readonly HashSet<string> Calendar = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>Words before a person's name: "Pastor Kim", "Dr. Tomas Okafor". A title may open a sentence as part of a name.</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pastor", "reverend", "rev", "father", "bishop", "rabbi",
        "imam", "sheikh", "brother", "sister", "president", "senator", "governor", "mayor", "general", "colonel", "col",
        "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "admiral", "commander", "king", "queen", "prince",
        "princess", "lord", "lady", "sir", "dame", "judge", "chancellor", "minister", "chief", "elder", "deacon", "cardinal", "pope",
    };

    /// <summary>Words after a name that make it a family's: "the Roh family".</summary>
    public static readonly HashSet<string> Kin = new(StringComparer.Ordinal) { "family", "families" };
}
