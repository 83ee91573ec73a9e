using System.Text;

namespace Bot.Benchmarks;

/// <summary>The layout the generated corpora share: documents 50 to a <c>part-NN</c> folder, next to the shipped knowledge files.</summary>
internal static class CorpusWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes document <paramref name="index"/> as <c>part-NN/doc-NNN.md</c> under <paramref name="folder"/>.</summary>
    public static void WriteDocument(string folder, int index, StringBuilder text)
    {
        var subfolder = Path.Combine(folder, $"part-{index / 50:00}");
        Directory.CreateDirectory(subfolder);
        File.WriteAllText(Path.Combine(subfolder, $"doc-{index:000}.md"), text.ToString(), Utf8);
    }

    /// <summary>Copies the shipped knowledge files (not its subfolders) into <paramref name="folder"/>.</summary>
    public static void CopyShipped(string shippedKnowledgeFolder, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(shippedKnowledgeFolder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }
}
