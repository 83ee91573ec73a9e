using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// Whose turn an interaction takes in <see cref="FairQueue{T}"/>: its server (<see cref="Group"/>, served
/// round-robin with the other servers) and its member (<see cref="Member"/>, whose waiting interactions are
/// capped). A direct message is a group of its own, keyed by the user: snowflakes are unique across object
/// kinds, so a user's id never collides with a server's.
/// </summary>
public readonly record struct FairnessKey(ulong Group, ulong Member)
{
    public static FairnessKey Of(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var member = interaction.Invoker?.Id ?? 0;
        return new FairnessKey(interaction.GuildId ?? member, member);
    }
}
