namespace Bot.Knowledge.Mentions;

/// <summary>
/// Words around a name that say what it names (see <see cref="Cues"/>): titles and roles for
/// people, nouns of places and organisations, prepositions of place. Generic English only.
/// </summary>
internal static class CueWords
{
    /// <summary>Nouns of what a person is or does: beside a name ("the director, Madeleine Gavin") they make it a person's.</summary>
    public static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
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

    /// <summary>Verbs only people do, after a name: "Okafor said".</summary>
    public static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "explained", "explains", "recalled", "recalls", "wrote", "writes", "added",
        "insisted", "believes", "believed", "remembered", "remembers", "smiled", "laughed", "prayed", "asked", "replied",
    };

    /// <summary>Nouns that end (or open, with "of") an organisation's name: "Caleb Mission", "Ministry of Waterways".</summary>
    public static readonly HashSet<string> OrganizationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "mission", "missions", "church", "ministry", "ministries", "foundation", "institute", "institution", "university",
        "college", "academy", "school", "company", "corporation", "corp", "inc", "ltd", "llc", "association", "society",
        "council", "committee", "agency", "bureau", "bank", "party", "army", "navy", "union", "group", "club", "hospital",
        "museum", "network", "studios", "studio", "press", "trust", "fund", "department", "office", "commission",
        "organization", "organisation", "service", "services", "federation", "league", "alliance", "coalition", "project",
        "laboratory", "laboratories", "lab", "labs", "brigade", "police", "guard", "corps", "court", "parliament", "congress",
        "senate", "assembly", "charity", "initiative", "films", "pictures", "productions", "entertainment", "records",
        "times", "post", "journal", "magazine", "radio", "news", "broadcasting", "centre", "center", "team",
    };

    /// <summary>Nouns that end (or open, with "of") a place's name: "Changbai Mountain", "Gulf of Tessaly".</summary>
    public static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
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
    public static readonly HashSet<string> PlacePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mount", "lake", "port", "cape", "fort", "isle", "mt",
    };

    /// <summary>Prepositions after which a name is a place. Not "to", "from", "at" or "on": "new to Christianity", "learned from Kim", "on Amazon Prime".</summary>
    public static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "between", "through", "across", "into", "inside", "outside", "around", "within", "along", "toward",
        "towards", "throughout", "via",
    };
}
