namespace Bot.Hosting;

/// <summary>How much of Discord a run of the executable needs.</summary>
internal enum DiscordRole
{
    /// <summary>ask, eval: no Discord at all.</summary>
    None,

    /// <summary>register-commands: the REST client and the registrar.</summary>
    Registration,

    /// <summary>The bot on the gateway: registration at start, the gateway, the dispatcher and its workers.</summary>
    Gateway,

    /// <summary>The bot as an HTTP interactions endpoint: registration at start, Kestrel, the dispatcher.</summary>
    Http,
}
