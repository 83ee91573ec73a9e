namespace Bot.Discord.Models.Messages;

/// <summary>Which mentions in a message may ping. Interactions and webhooks parse user mentions unless told otherwise.</summary>
public sealed record AllowedMentions
{
    /// <summary><c>{"parse":[]}</c>: nothing pings (no @everyone/@here, roles or users). Use it when echoing user input.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Mention kinds to parse from the text. An empty list is written (it means "none").</summary>
    public IReadOnlyList<AllowedMentionType>? Parse { get; init; }

    /// <summary>Role ids that may ping (at most 100); not together with <see cref="AllowedMentionType.Roles"/> in <see cref="Parse"/>.</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>User ids that may ping (at most 100); not together with <see cref="AllowedMentionType.Users"/> in <see cref="Parse"/>.</summary>
    public IReadOnlyList<ulong>? Users { get; init; }

    /// <summary>For replies: whether the replied-to author is pinged.</summary>
    public bool? RepliedUser { get; init; }
}
