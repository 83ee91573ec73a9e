namespace Bot.Knowledge;

/// <summary>The configured knowledge folder does not exist; the message says which path and how to set it.</summary>
public sealed class KnowledgeFolderMissingException(string folder)
    : Exception($"The knowledge folder '{folder}' does not exist. Pass --knowledge DIR or set Knowledge__Folder.")
{
    public string Folder { get; } = folder;
}
