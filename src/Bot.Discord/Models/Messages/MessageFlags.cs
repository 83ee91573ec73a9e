using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Models.Messages;

/// <summary>Message flags. Settable when sending: SuppressEmbeds, Ephemeral (interactions), SuppressNotifications, IsVoiceMessage, IsComponentsV2.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Discord's name for the message flags field; a [Flags] enum.")]
[Flags]
public enum MessageFlags
{
    None = 0,
    Crossposted = 1 << 0,
    IsCrosspost = 1 << 1,
    SuppressEmbeds = 1 << 2,
    SourceMessageDeleted = 1 << 3,
    Urgent = 1 << 4,
    HasThread = 1 << 5,

    /// <summary>Only the invoking user sees it (interaction responses and follow-ups).</summary>
    Ephemeral = 1 << 6,

    /// <summary>A deferred response still "thinking".</summary>
    Loading = 1 << 7,
    FailedToMentionSomeRolesInThread = 1 << 8,
    SuppressNotifications = 1 << 12,
    IsVoiceMessage = 1 << 13,
    HasSnapshot = 1 << 14,

    /// <summary>Layout by V2 components: no content or embeds allowed; permanent once set.</summary>
    IsComponentsV2 = 1 << 15,
}
