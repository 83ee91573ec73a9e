namespace Bot.Knowledge.Topics;

/// <summary>Something the knowledge talks about, as offered while a member types a topic (<c>/about</c>, <c>/summary</c>).</summary>
/// <param name="Name">As written in the knowledge (its most frequent spelling), at most 100 characters.</param>
/// <param name="Key">The name folded by <see cref="FoldedText.Fold(string)"/>: how typed text is matched with it.</param>
/// <param name="Count">How often the knowledge names it: mentions, tags, sections and titles together.</param>
public sealed record Topic(string Name, string Key, int Count, TopicKinds Kinds);

/// <summary>Where a topic was found; a name can be several at once.</summary>
[Flags]
public enum TopicKinds
{
    None = 0,

    /// <summary>A name in the text: a capitalised name of several words, an "X family", or a proper noun that recurs.</summary>
    Name = 1,

    /// <summary>A front-matter tag.</summary>
    Tag = 2,

    /// <summary>A section heading.</summary>
    Section = 4,

    /// <summary>A document's title.</summary>
    Document = 8,
}
