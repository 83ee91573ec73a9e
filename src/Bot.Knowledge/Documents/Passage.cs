namespace Bot.Knowledge.Documents;

/// <summary>One paragraph of a document: the unit that is indexed, searched and cited.</summary>
/// <param name="Path">The document's path relative to the knowledge folder, with forward slashes.</param>
/// <param name="Ordinal">Position of the paragraph in its document, from 0.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Section">The <c>##</c> heading the paragraph sits under, or empty before the first one.</param>
/// <param name="Source">Where the document comes from (front matter <c>source</c>), or its path.</param>
/// <param name="Text">The paragraph exactly as written.</param>
public sealed record Passage(string Path, int Ordinal, string Title, string Section, string Source, string Text)
{
    public string Id => $"{Path}#{Ordinal}";
}
