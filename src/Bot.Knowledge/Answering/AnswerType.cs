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
    Reason,
    /// <summary>"What/which ..." a named thing.</summary>
    Entity,
}

internal static partial class AnswerTypes
{
    public static AnswerType Detect(string question)
    {
        var q = Normalize(question);
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

    private static string Normalize(string question) =>
        question.ToLowerInvariant().Replace('\u2019', '\'').Trim();

    [GeneratedRegex(@"\bhow\s+(many|much|long|old|often|far)\b|\bnumber of\b")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\bwhen\b|\b(what|which)\s+(year|month|day|date|decade|time)\b|\bsince when\b")]
    private static partial Regex Time();

    [GeneratedRegex(@"^\s*(who|whom|whose|whos)\b|\bwho('s|\s+is|\s+was|\s+are|\s+were)?\b")]
    private static partial Regex Person();

    [GeneratedRegex(@"\bwhere\b|\bwheres\b|\b(what|which)\s+(place|country|city|town|region|location|destination)\b")]
    private static partial Regex Place();

    [GeneratedRegex(@"\bwhy\b|\bfor what reason\b|\bwhat (made|caused|drove|led)\b")]
    private static partial Regex Reason();

    [GeneratedRegex(@"^\s*(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b")]
    private static partial Regex YesNo();

    [GeneratedRegex(@"^\s*(what|which|whats)\b|\b(what|which)\s+\w+")]
    private static partial Regex Entity();
}
