using System.Security.Cryptography;

namespace Bot.Knowledge.Indexing;

/// <summary>A Markdown file found in the knowledge folder.</summary>
/// <param name="RelativePath">Path under the knowledge folder with forward slashes: the document's identity.</param>
internal sealed record KnowledgeFile(string RelativePath, string FullPath, long Length, DateTime LastWriteUtc)
{
    private static readonly string[] Extensions = [".md", ".markdown"];

    public static IReadOnlyList<KnowledgeFile> Scan(string folder)
    {
        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(p => Extensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p =>
            {
                var info = new FileInfo(p);
                return new KnowledgeFile(Path.GetRelativePath(root, p).Replace('\\', '/'), p, info.Length, info.LastWriteTimeUtc);
            })
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToArray();
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
