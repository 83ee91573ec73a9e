using Bot.Knowledge.Documents;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Indexing;

/// <summary>A document ready for the index, with its passages' vectors when the index stores them (one entry per passage).</summary>
public sealed record IndexedDocument(KnowledgeDocument Document, IReadOnlyList<PassageVectors>? Vectors);
