using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>What kind of thing a question wants back, read from its wording.</summary>
public enum AnswerType
{
    /// <summary>Yes/no, or a form we do not recognise: no preference.</summary>
    Any,
    Person,
    Place,
    Time,
    Quantity,
    /// <summary>"How long", "since when", "how many years": a span of time ("24 years"), not a date ("2019").</summary>
    Duration,
    Reason,
    /// <summary>"What/which ..." a named thing.</summary>
    Entity,
    /// <summary>
    /// "Who is Pastor Kim?", "What is Caleb Mission?": the question already holds the name and asks
    /// what or who it is, so the answer describes it rather than naming someone else.
    /// </summary>
    Identity,
}

internal static partial class AnswerTypes
{
    public static AnswerType Detect(string question)
    {
        var q = Normalize(question);
        if (IsIdentityQuestion(q))
            return AnswerType.Identity;
        if (Duration().IsMatch(q))
            return AnswerType.Duration;
        if (Quantity().IsMatch(q))
            return AnswerType.Quantity;
        if (Time().IsMatch(q))
            return AnswerType.Time;
        if (Person().IsMatch(q))
            return AnswerType.Person;
        if (Place().IsMatch(q))
            return AnswerType.Place;
        if (Reason().IsMatch(q))
            return AnswerType.Reason;
        if (YesNo().IsMatch(q))
            return AnswerType.Any;
        if (Entity().IsMatch(q))
            return AnswerType.Entity;
        return AnswerType.Any;
    }

    /// <summary>"Is the director religious?", "does he make people convert or not": answered by yes or no.</summary>
    public static bool IsYesNo(string question) => YesNo().IsMatch(Normalize(question)) || OrNot().IsMatch(Normalize(question));

    [GeneratedRegex(@"\bor\s+(not|no)\b|,\s*(right|no)\s*\??\s*$")]
    private static partial Regex OrNot();

    private static string Normalize(string question) =>
        question.ToLowerInvariant().Replace('\u2019', '\'').Trim();

    /// <summary>
    /// "who is X" / "what was X" where X is a name, not a role: "Who is the director of ...?" asks for a
    /// person (an article follows), "Who was Pastor Kim's wife?" asks about someone else (a possessive),
    /// "What is X about?" asks for a topic, and a longer clause ("who is helping the family") is not a name.
    /// </summary>
    [GeneratedRegex(@"^\s*(who|what)\s*(is|was|'s)\s+(?!(the|a|an|this|that|these|those|his|her|their|its|my|your|our|it|he|she|they|there)\b)(\w+\s*){1,4}\??\s*$")]
    private static partial Regex IdentityShape();

    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "about", "of", "for", "in", "on", "at", "to", "from", "with", "doing", "helping", "going", "called", "named", "like",
    };

    private static bool IsIdentityQuestion(string q)
    {
        if (!IdentityShape().IsMatch(q) || q.Contains('\''))
            return false;
        var rest = q.TrimEnd('?', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2);
        return !rest.Any(w => NotNameWords.Contains(w) || w.EndsWith("ing", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\bhow\s+long\b|\bsince\s+when\b|\bhow\s+many\s+(years|months|weeks|days|decades)\b|\btime\s*span\b|\bhow\s+much\s+time\b|\bfor\s+how\s+long\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bhow\s+(many|much|long|old|often|far)\b|\bnumber of\b")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\bwhen\b|\bbirthday\b|\bborn\b|\b(what|which)\s+(year|month|day|date|decade|time)\b|\bsince when\b")]
    private static partial Regex Time();

    [GeneratedRegex(@"^\s*(who|whom|whose|whos)\b|\bwho('s|\s+is|\s+was|\s+are|\s+were)?\b")]
    private static partial Regex Person();

    [GeneratedRegex(@"\bwhere\b|\bwheres\b|\b(what|which)\s+(place|country|city|town|region|location|destination)\b")]
    private static partial Regex Place();

    [GeneratedRegex(@"\bwhy\b|\bfor what reason\b|\bwhat (made|caused|drove|led)\b")]
    private static partial Regex Reason();

    [GeneratedRegex(@"^\s*(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b")]
    private static partial Regex YesNo();

    /// <summary>"Which services", "what earlier film", "what is the name of": a named thing. Not "what did she feel".</summary>
    [GeneratedRegex(@"\bwhich\s+\w+|\bwhat\s+(?!(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|happens?|happened)\b)\w+|\bname\s+of\b|\bcalled\b")]
    private static partial Regex Entity();

    /// <summary>In "what year did...", "year" says what kind of answer is wanted; the answer itself is "2019".</summary>
    [GeneratedRegex(@"\b(?:what|which)\s+(year|month|day|date|decade)\b")]
    private static partial Regex TimeNoun();

    /// <summary>The word that only names the answer's type, to leave out of the search, if any.</summary>
    public static string? TypeNoun(string question)
    {
        var m = TimeNoun().Match(Normalize(question));
        return m.Success ? m.Groups[1].Value : null;
    }
}
