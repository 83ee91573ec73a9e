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

    /// <summary>
    /// How long a handler may take before the dispatcher defers (type 5 or 6). Must stay well inside
    /// Discord's 3 s, since the deferral itself still has to travel to Discord.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:00:03", MaximumIsExclusive = true,
        ErrorMessage = "Discord:Interactions:DeferAfter is {0}; it must be at least 0 and below Discord's 3-second response window (default 00:00:01).")]
    public TimeSpan DeferAfter { get; set; } = DefaultDeferAfter;

    /// <summary>
    /// Interactions handled at once on the gateway path. Handlers mostly wait (on the knowledge index, on
    /// Discord), so a few per core; at least 4 so one slow command cannot hold back everyone.
    /// </summary>
    [SettingRange(1, MaxWorkers, ErrorMessage = "Discord:Interactions:Workers is {0}; it must be between 1 and 64 (default 2 per core, between 4 and 16).")]
    public int Workers { get; set; } = DefaultWorkers;

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
