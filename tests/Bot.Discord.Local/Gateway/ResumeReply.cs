namespace Bot.Discord.Local.Gateway;

/// <summary>How the local gateway answers a RESUME for a session it knows.</summary>
public enum ResumeReply
{
    /// <summary>As Discord does: the missed dispatches in order, then RESUMED.</summary>
    Answer,

    /// <summary>Nothing at all, while heartbeats are still acknowledged: a server that leaves the client deaf.</summary>
    Ignore,

    /// <summary>The missed dispatches, but no RESUMED after them.</summary>
    ReplayOnly,
}
