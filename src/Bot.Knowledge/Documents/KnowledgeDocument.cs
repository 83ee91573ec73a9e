namespace Bot.Knowledge.Documents;

/// <summary>A parsed Markdown article of the knowledge folder.</summary>
public sealed record KnowledgeDocument(
    string Path,
    string Title,
    string Source,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Passage> Passages);
