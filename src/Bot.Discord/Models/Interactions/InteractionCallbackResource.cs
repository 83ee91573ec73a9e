using Bot.Discord.Models.Messages;

namespace Bot.Discord.Models.Interactions;

/// <summary>The resource a callback created.</summary>
public sealed record InteractionCallbackResource
{
    public InteractionCallbackType Type { get; init; }

    /// <summary>LAUNCH_ACTIVITY only.</summary>
    public ActivityInstance? ActivityInstance { get; init; }

    /// <summary>The message created or updated (types 4 and 7).</summary>
    public Message? Message { get; init; }
}
