using Bot.Knowledge.Documents;

namespace Bot.Knowledge.Summaries;

/// <summary>
/// Sentences of the knowledge that together sum it (or one topic of it) up, in reading order,
/// each verbatim and with its source.
/// </summary>
/// <param name="Topic">The topic asked for, or null for the whole knowledge.</param>
/// <param name="Status">Whether there is a summary, and if not, why: the caller's message depends on it.</param>
/// <param name="Sentences">In reading order (document path, passage ordinal, position); empty unless <see cref="SummaryStatus.Summarized"/>.</param>
public sealed record Summary(string? Topic, SummaryStatus Status, IReadOnlyList<KnowledgeSentence> Sentences)
{
    public bool IsEmpty => Sentences.Count == 0;

    /// <summary>The sentences joined by single spaces; never longer than the budget the summary was made for.</summary>
    public string Text => string.Join(' ', Sentences.Select(s => s.Text));

    /// <summary>The passages the sentences come from, each once, in reading order.</summary>
    public IReadOnlyList<Passage> Sources => Sentences.Select(s => s.Passage).DistinctBy(p => p.Id).ToArray();

    internal static Summary Empty(string? topic, SummaryStatus status) => new(topic, status, []);
}

/// <summary>What came of a request for a summary.</summary>
public enum SummaryStatus
{
    /// <summary>At least one sentence: as many as asked for when the knowledge (or the topic) has enough.</summary>
    Summarized,
    /// <summary>The knowledge holds no sentences at all (nothing indexed yet, or an empty folder).</summary>
    EmptyKnowledge,
    /// <summary>The knowledge does not mention the topic.</summary>
    TopicNotFound,
    /// <summary>Every sentence that would do is longer than the character budget on its own.</summary>
    BudgetTooSmall,
}
