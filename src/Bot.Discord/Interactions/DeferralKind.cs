namespace Bot.Discord.Interactions;

/// <summary>What the dispatcher sends when a handler has not answered within about a second.</summary>
public enum DeferralKind
{
    /// <summary>Type 5: "thinking…", the reply will be visible to everyone.</summary>
    Public,

    /// <summary>Type 5 with the ephemeral flag: the reply will be visible only to the invoker.</summary>
    Ephemeral,

    /// <summary>Type 6, for components: acknowledge, then edit the message the component is on.</summary>
    UpdateMessage,

    /// <summary>Autocomplete cannot be deferred: the result is sent whenever it is ready (within the window).</summary>
    None,
}
