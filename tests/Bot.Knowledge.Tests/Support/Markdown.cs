namespace Bot.Knowledge.Tests.Support;

/// <summary>Small knowledge articles written the way a moderator would write them.</summary>
internal static class Markdown
{
    public static string Article(string title, params string[] paragraphs) =>
        $"---\ntitle: {title}\nsource: written for a test\n---\n\n# {title}\n\n{string.Join("\n\n", paragraphs)}\n";
}
