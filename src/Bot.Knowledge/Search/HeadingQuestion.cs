using System.Text.RegularExpressions;

namespace Bot.Knowledge.Search;

/// <summary>Which heading a question about the knowledge's own structure asks for.</summary>
public enum HeadingTarget
{
    /// <summary>The heading of the section its topic is about ("what is the section about the director called?").</summary>
    Section,
    /// <summary>The article's own title ("what's the article headline?").</summary>
    Title,
    /// <summary>The heading the article opens with ("which heading opens the piece?").</summary>
    First,
    /// <summary>The heading of the article's last section ("what is the last section called?").</summary>
    Last,
}

/// <summary>A question asking what a heading of the knowledge says, and what the section it means is about.</summary>
/// <param name="Topic">The question without its words about headings: what the section is about (may be empty).</param>
public sealed record HeadingAsk(HeadingTarget Target, string Topic);

/// <summary>
/// Reads questions that ask for a heading: "What is the section about the Roh family's escape
/// called?", "which heading is about kim's religion", "article headline". Their answer is a
/// heading of the knowledge, which is no sentence, so the fitted scorer, which chooses among
/// sentences, could never give it. A question that only mentions a heading ("the 'Spiritual
/// Twist' heading — what's the twist about?") or uses the verb ("which border were they heading
/// for?") asks about the text and is left to the scorer. The words are general English about
/// articles; nothing here knows any heading of our knowledge.
/// </summary>
public static partial class HeadingQuestion
{
    /// <summary>What the question asks for, or null when it does not ask for a heading.</summary>
    public static HeadingAsk? Read(string asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var q = asked.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        if (!AsksWhich().IsMatch(q) && !NamedAfter().IsMatch(q) && !KeywordsOnly().IsMatch(q) && !ArticleCalled().IsMatch(q))
            return null;

        var target = Opening().IsMatch(q) ? HeadingTarget.First
            : Closing().IsMatch(q) ? HeadingTarget.Last
            : TitleWords().IsMatch(q) ? HeadingTarget.Title
            : HeadingTarget.Section;
        var topic = Spaces().Replace(Orphans().Replace(MetaWords().Replace(q, " "), " "), " ").Trim(' ', '?', '.', ',', '!', '-', '—', ':');
        return new HeadingAsk(target, topic);
    }

    // What a heading is called in a question. "Part" and "chapter" are left out: "which part of
    // the film" asks about the film. "Title" only with the article: "the title of the documentary"
    // is the film's name, which a sentence gives.
    private const string Heading = @"(?:sub)?(?:section|heading|headline|header)s?|(?:section|article|piece|post)(?:'s)?\s+titles?|titles?\s+of\s+(?:the|this|that|its)\s+(?:article|piece|post|section)";

    /// <summary>"what is the section …", "which heading …", "whats the full heading …", "under which section heading …".</summary>
    [GeneratedRegex(@"\b(?:what|which)(?:'s|s|\s+is|\s+are|\s+was|\s+were)?\s+(?:(?:the|its|this|that|their|an?)\s+)?(?:(?:article'?s?|piece'?s?|first|last|final|opening|closing|full|main|top|exact|actual|section)\s+){0,2}(?:" + Heading + @")\b")]
    private static partial Regex AsksWhich();

    /// <summary>"the section about X — what is it called", "what is its closing section titled".</summary>
    [GeneratedRegex(@"\b(?:" + Heading + @")\b[^?.!]*\b(?:called|titled|named)\b")]
    private static partial Regex NamedAfter();

    /// <summary>A search rather than a sentence: "article headline", "section headings?".</summary>
    [GeneratedRegex(@"^\s*(?:the\s+)?(?:article'?s?\s+|section\s+)?(?:headline|heading|title)s?\s*\??\s*$")]
    private static partial Regex KeywordsOnly();

    /// <summary>"what is the article called", "name of the article".</summary>
    [GeneratedRegex(@"\b(?:what|how)(?:'s|s|\s+is|\s+was)?\s+(?:the|this|that)\s+(?:article|piece|post)(?:\s+is|\s+was)?\s+(?:called|titled|named)\b|\b(?:name|title|headline)\s+of\s+(?:the|this|that)\s+(?:article|piece|post)\b")]
    private static partial Regex ArticleCalled();

    [GeneratedRegex(@"\b(?:first|opening|top)\s+(?:section|heading|header)|\b(?:section|heading|header)\s+(?:that\s+)?(?:opens|starts|begins)\b|\b(?:opens|starts|begins)\s+(?:the\s+)?(?:article|piece|post)\b")]
    private static partial Regex Opening();

    [GeneratedRegex(@"\b(?:last|final|closing)\s+(?:section|heading|header)|\b(?:section|heading|header)\s+(?:that\s+)?(?:closes|ends|wraps)\b|\b(?:closes|ends)\s+(?:the\s+)?(?:article|piece|post)\b")]
    private static partial Regex Closing();

    [GeneratedRegex(@"\bheadlines?\b|\b(?:article|piece|post)(?:'s)?\s+(?:titles?|called|titled|named)\b|\b(?:name|titles?)\s+of\s+(?:the|this|that)\s+(?:article|piece|post)\b|^\s*(?:the\s+)?titles?\s*\??\s*$")]
    private static partial Regex TitleWords();

    /// <summary>The words about headings and articles, which say nothing about the section's topic.</summary>
    [GeneratedRegex(@"\b(?:what|which|whats|what's|is|are|was|were|the|its|this|that|an?|of|under|in|does|do|did|about|over|called|titled|named|name|titles?|(?:sub)?sections?|headings?|headlines?|headers?|article's|articles?|piece's|piece|post|full|first|last|final|opening|closing|top|opens|closes|starts|ends|begins|talks?|covers?|discuss(?:es)?|tells?|puts?|gives?|says?|again|one|part|lol|abt|hey|bot)\b")]
    private static partial Regex MetaWords();

    /// <summary>A possessive left behind by a removed word ("the article's" → "'s").</summary>
    [GeneratedRegex(@"(?<!\w)'s\b")]
    private static partial Regex Orphans();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
