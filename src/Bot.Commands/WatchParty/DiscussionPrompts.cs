namespace Bot.Commands.WatchParty;

/// <summary>
/// The open questions <c>/watchparty prompt</c> cycles through. They ship with the bot in
/// <c>prompts/discussion.txt</c> (built into this assembly), apart from the knowledge folder: they
/// state no facts about the film, are never indexed and never answer a question.
/// </summary>
public sealed class DiscussionPrompts
{
    /// <summary>The resource the repository's <c>prompts/discussion.txt</c> is built in as.</summary>
    public const string ResourceName = "Bot.Commands.prompts.discussion.txt";

    private static readonly Lazy<DiscussionPrompts> ShippedPrompts = new(() =>
    {
        using var stream = typeof(DiscussionPrompts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The discussion prompts ({ResourceName}) are missing from {typeof(DiscussionPrompts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public DiscussionPrompts(IEnumerable<string> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        All = prompts.Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
    }

    /// <summary>The prompts shipped with the bot.</summary>
    public static DiscussionPrompts Shipped => ShippedPrompts.Value;

    /// <summary>In the order they are asked.</summary>
    public IReadOnlyList<string> All { get; }

    public int Count => All.Count;

    /// <summary>One prompt per line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    public static DiscussionPrompts Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DiscussionPrompts(text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
    }

    /// <summary>The prompt at <paramref name="position"/>, counting round again past the last.</summary>
    public string At(long position) => All[(int)(((position % Count) + Count) % Count)];
}
