using Bot.Settings;

namespace Bot.Discord.Interactions;

/// <summary>
/// Settings of the interaction dispatcher and its workers: <see cref="DiscordOptions.Interactions"/>,
/// bound from the subsection <c>Discord:Interactions</c> and validated with the rest of it.
/// </summary>
public sealed record InteractionOptions
{
    public const string Section = "Discord:Interactions";

    /// <summary>Discord invalidates an interaction whose initial response has not arrived by then.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan DefaultDeferAfter = TimeSpan.FromSeconds(1);

    public const int MaxWorkers = 64;

    public static readonly TimeSpan DefaultMaxQueueDelay = TimeSpan.FromSeconds(30);

    public const int DefaultMaxQueuedPerMember = 3;

    /// <summary>
    /// How long a handler may take before the dispatcher defers (type 5 or 6). Must stay well inside
    /// Discord's 3 s, since the deferral itself still has to travel to Discord.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:00:03", MaximumIsExclusive = true,
        ErrorMessage = "Discord:Interactions:DeferAfter is {0}; it must be at least 0 and below Discord's 3-second response window (default 00:00:01).")]
    public TimeSpan DeferAfter { get; set; } = DefaultDeferAfter;

    /// <summary>
    /// Handlers run at once, on either transport; the other interactions wait their turn (servers
    /// round-robin). A few per core, at least 4 so one slow command cannot hold back everyone; handlers that
    /// need the sentence model also wait, without a thread, for one of its <c>Knowledge:MaxModelConcurrency</c> slots.
    /// </summary>
    [SettingRange(1, MaxWorkers, ErrorMessage = "Discord:Interactions:Workers is {0}; it must be between 1 and 64 (default 2 per core, between 4 and 16).")]
    public int Workers { get; set; } = DefaultWorkers;

    /// <summary>
    /// The latest an answer may be expected (from the interaction's arrival, at the measured pace of the
    /// handlers) for the interaction to be taken: later than this, the member is told at once that the bot
    /// is busy. Between <see cref="DeferAfter"/> and this, the interaction is deferred on arrival.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "00:10:00",
        ErrorMessage = "Discord:Interactions:MaxQueueDelay is {0}; it must be between 00:00:01 and 00:10:00, well inside the 15 minutes an interaction can be answered (default 00:00:30).")]
    public TimeSpan MaxQueueDelay { get; set; } = DefaultMaxQueueDelay;

    /// <summary>
    /// Interactions of one member that may wait for a handler at once; more are told the bot is busy, so
    /// one member cannot fill the queue in front of everyone else.
    /// </summary>
    [SettingRange(1, 1000, ErrorMessage = "Discord:Interactions:MaxQueuedPerMember is {0}; it must be between 1 and 1000 (default 3).")]
    public int MaxQueuedPerMember { get; set; } = DefaultMaxQueuedPerMember;

    /// <summary>
    /// The application id used to edit a deferred response when an interaction does not carry its own
    /// <c>application_id</c> (Discord always sends it today). Filled from <c>Discord:ApplicationId</c>
    /// when not set here.
    /// </summary>
    [SettingRange(typeof(ulong), "1", "18446744073709551615",
        ErrorMessage = "Discord:Interactions:ApplicationId is 0; leave it unset or put the application id (developer portal → General Information).")]
    public ulong? ApplicationId { get; set; }

    /// <summary>Two per core, between 4 and 16.</summary>
    public static int DefaultWorkers => Math.Clamp(2 * Environment.ProcessorCount, 4, 16);
}
