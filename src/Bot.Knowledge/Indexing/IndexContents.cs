using Bot.Knowledge.Documents;

namespace Bot.Knowledge.Indexing;

/// <summary>What one snapshot of the index holds.</summary>
/// <param name="Version">Changes whenever the index's contents do (see <see cref="KnowledgeIndex.Version"/>).</param>
/// <param name="Documents">Ordered by path; each with its passages in order and its front-matter tags.</param>
public sealed record IndexContents(long Version, IReadOnlyList<KnowledgeDocument> Documents)
{
    public static IndexContents Empty { get; } = new(0, []);
}
