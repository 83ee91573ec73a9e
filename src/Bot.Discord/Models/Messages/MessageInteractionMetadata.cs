using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Messages;

/// <summary>A message's <c>interaction_metadata</c>: the interaction it came from.</summary>
public sealed record MessageInteractionMetadata
{
    public ulong Id { get; init; }

    public InteractionType Type { get; init; }

    public User? User { get; init; }

    /// <summary>Installation contexts that authorized it: key <c>"0"</c> guild install, <c>"1"</c> user install.</summary>
    public IReadOnlyDictionary<string, ulong>? AuthorizingIntegrationOwners { get; init; }

    /// <summary>On follow-ups: the original response message.</summary>
    public ulong? OriginalResponseMessageId { get; init; }

    /// <summary>Components: the message the component was on.</summary>
    public ulong? InteractedMessageId { get; init; }

    /// <summary>Modal submits: the interaction that opened the modal.</summary>
    public MessageInteractionMetadata? TriggeringInteractionMetadata { get; init; }

    /// <summary>User commands: the target user.</summary>
    public User? TargetUser { get; init; }

    /// <summary>Message commands: the target message.</summary>
    public ulong? TargetMessageId { get; init; }
}
