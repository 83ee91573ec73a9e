using System.Security.Cryptography;

namespace Bot.Knowledge.Indexing;

/// <summary>A Markdown file found in the knowledge folder.</summary>
/// <param name="RelativePath">Path under the knowledge folder with forward slashes: the document's identity.</param>
internal sealed record KnowledgeFile(string RelativePath, string FullPath, long Length, DateTime LastWriteUtc)
{
    private static readonly string[] Extensions = [".md", ".markdown"];

    public static bool IsMarkdown(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
