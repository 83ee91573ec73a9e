namespace Bot.Knowledge.Trivia;

/// <summary>What a trivia answer is; all four options of a question are of the question's kind.</summary>
public enum TriviaKind
{
    /// <summary>A person's name ("Madeleine Gavin", "Pastor Kim").</summary>
    Person,
    /// <summary>The name in "the X family"; only X is blanked.</summary>
    Family,
    /// <summary>A country, town, river, mountain...</summary>
    Place,
    /// <summary>A mission, church, ministry, foundation, company...</summary>
    Organization,
    /// <summary>A year written in digits ("2019").</summary>
    Year,
    /// <summary>Any other number written in digits ("1,000", "24", "3.5").</summary>
    Number,
}
