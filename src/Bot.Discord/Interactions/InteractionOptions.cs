namespace Bot.Discord.Interactions;

/// <summary>Settings of the interaction dispatcher and its workers (section <c>Discord:Interactions</c>).</summary>
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
    public TimeSpan DeferAfter { get; set; } = DefaultDeferAfter;

    /// <summary>
    /// Interactions handled at once on the gateway path. Handlers mostly wait (on the knowledge index, on
    /// Discord), so a few per core; at least 4 so one slow command cannot hold back everyone.
    /// </summary>
    public int Workers { get; set; } = DefaultWorkers;

    /// <summary>
    /// The application id used to edit a deferred response when an interaction does not carry its own
    /// <c>application_id</c> (Discord always sends it today). Filled from <c>Discord:ApplicationId</c>
    /// when not set here.
    /// </summary>
    public ulong? ApplicationId { get; set; }

    /// <summary>Two per core, between 4 and 16.</summary>
    public static int DefaultWorkers => Math.Clamp(2 * Environment.ProcessorCount, 4, 16);

    /// <summary>Problems with these settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (DeferAfter < TimeSpan.Zero || DeferAfter >= ResponseWindow)
        {
            problems.Add($"{Section}:{nameof(DeferAfter)} is {DeferAfter}; it must be at least 0 and below Discord's 3-second response window (default {DefaultDeferAfter}).");
        }

        if (Workers is < 1 or > MaxWorkers)
        {
            problems.Add($"{Section}:{nameof(Workers)} is {Workers}; it must be between 1 and {MaxWorkers} (default {DefaultWorkers} on this machine).");
        }

        if (ApplicationId == 0)
        {
            problems.Add($"{Section}:{nameof(ApplicationId)} is 0; leave it unset or put the application id (developer portal → General Information).");
        }

        return problems;
    }
}
