namespace Bot.Knowledge.Mentions;

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
