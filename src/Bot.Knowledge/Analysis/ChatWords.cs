namespace Bot.Knowledge.Analysis;

/// <summary>
/// How members write in chat, spelled out: abbreviations ("ppl", "thru", "tryna") become the
/// words they stand for, and filler that carries no question ("lol", "fr", "ngl", "no cap")
/// is dropped. This is general English chat usage, ours to maintain, and says nothing about
/// the film: facts come only from the knowledge folder, and the synonym file stays for the
/// knowledge's own vocabulary.
/// </summary>
internal static class ChatWords
{
    /// <summary>Lower-case chat form → plain form; an empty plain form drops the word.</summary>
    public static IReadOnlyDictionary<string, string> Expansions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // abbreviations
        ["ppl"] = "people", ["ppls"] = "people", ["peeps"] = "people",
        ["nk"] = "North Korea", ["dprk"] = "North Korea",
        ["dir"] = "director", ["doc"] = "documentary", ["docu"] = "documentary", ["vid"] = "video",
        ["fam"] = "family", ["abt"] = "about", ["bout"] = "about", ["thru"] = "through",
        ["tryna"] = "trying to", ["gonna"] = "going to", ["wanna"] = "want to", ["gotta"] = "got to",
        ["kinda"] = "kind of", ["sorta"] = "sort of", ["outta"] = "out of", ["lotta"] = "lot of",
        ["cuz"] = "because", ["coz"] = "because", ["cos"] = "because", ["bc"] = "because", ["bcuz"] = "because", ["bcoz"] = "because",
        ["org"] = "organization", ["govt"] = "government", ["gov"] = "government", ["info"] = "information",
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["y"] = "why", ["n"] = "and", ["w"] = "with", ["b4"] = "before",
        ["wat"] = "what", ["wut"] = "what", ["whats"] = "what is", ["wheres"] = "where is", ["whos"] = "who is",
        ["hows"] = "how is", ["whens"] = "when is", ["whys"] = "why is", ["wht"] = "what", ["hw"] = "how",
        ["smth"] = "something", ["sth"] = "something", ["sb"] = "somebody", ["smn"] = "someone",
        ["nah"] = "not", ["yea"] = "yes", ["yeah"] = "yes", ["ya"] = "you", ["thx"] = "thanks",
        ["idk"] = "I do not know", ["rn"] = "right now", ["bday"] = "birthday", ["tho"] = "though",
        ["dont"] = "do not", ["doesnt"] = "does not", ["didnt"] = "did not", ["isnt"] = "is not", ["wasnt"] = "was not",
        ["arent"] = "are not", ["werent"] = "were not", ["cant"] = "cannot", ["wont"] = "will not", ["hasnt"] = "has not",
        ["havent"] = "have not", ["im"] = "I am", ["ive"] = "I have", ["theyre"] = "they are", ["hes"] = "he is", ["shes"] = "she is",
        ["prolly"] = "probably", ["def"] = "definitely", ["rly"] = "really", ["srsly"] = "seriously", ["pls"] = "please", ["plz"] = "please",
        ["alr"] = "already", ["bro"] = "", ["bruh"] = "", ["dude"] = "", ["sis"] = "",
        // filler
        ["lol"] = "", ["lmao"] = "", ["lmfao"] = "", ["rofl"] = "", ["haha"] = "", ["hahaha"] = "", ["fr"] = "", ["frfr"] = "",
        ["ngl"] = "", ["tbh"] = "", ["imo"] = "", ["imho"] = "", ["smh"] = "", ["omg"] = "", ["omfg"] = "", ["istg"] = "",
        ["lowkey"] = "", ["highkey"] = "", ["deadass"] = "", ["fyi"] = "", ["btw"] = "", ["jk"] = "", ["ong"] = "",
    };

    /// <summary>Fillers of more than one word.</summary>
    public static IReadOnlyList<string> Phrases { get; } = ["no cap", "or nah", "or smth", "or something", "for real", "i guess", "ya know", "you know"];

    /// <summary>Words a message opens with before it asks anything: "hey bot, ...", "ok so ...".</summary>
    public static IReadOnlySet<string> Openers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "hey", "hi", "hello", "yo", "hiya", "sup", "ok", "okay", "so", "wait", "um", "uh", "umm", "hmm", "oh", "ah", "guys",
        "bot", "everyone", "folks", "pls", "please", "also", "well", "alright", "anyway", "btw",
    };
}
