namespace Bot.Benchmarks.Overload;

/// <summary>
/// One load phase, every interaction traced to its end: how it was acknowledged (in Discord's 3 s, late, or
/// not at all) and whether the member got the answer (at once or by edit), the busy reply, the apology, or
/// nothing.
/// </summary>
internal sealed class PhaseResult
{
    /// <summary>Discord's window for the initial response.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    public required int Rate { get; init; }

    public required double Seconds { get; init; }

    public int Sent { get; set; }

    public int AckedInTime { get; set; }

    public int AckedLate { get; set; }

    public int NotAcked { get; set; }

    public int AnsweredAtOnce { get; set; }

    public int AnsweredAfterDeferral { get; set; }

    /// <summary>Answers (either way) that reached Discord within 3 s of sending.</summary>
    public int AnsweredInWindow { get; set; }

    /// <summary>Answers that reached Discord while the phase was still sending: the steady-state goodput.</summary>
    public int AnsweredDuringPhase { get; set; }

    public int Deferred { get; set; }

    public int Busy { get; set; }

    public int Errors { get; set; }

    /// <summary>Neither an answer, nor the busy reply, nor the apology: what the member never heard back about.</summary>
    public int Lost { get; set; }

    /// <summary>From sending to the initial response, in milliseconds, sorted.</summary>
    public List<double> AckMilliseconds { get; } = [];

    /// <summary>From sending to the answer, in milliseconds, sorted.</summary>
    public List<double> AnswerMilliseconds { get; } = [];

    /// <summary>From the phase's start to the last answer.</summary>
    public TimeSpan LastAnswer { get; set; }

    public long PeakResidentMb { get; set; }

    /// <summary>Cores the bot, this process (load generator and local Discord) and the whole machine kept busy while the load was on.</summary>
    public (double Bot, double Own, double Machine) Cores { get; set; }

    /// <summary>What the rest of the machine (other work than the bot and this process) used, in cores.</summary>
    public double OthersCores => Math.Max(0, Cores.Machine - Cores.Bot - Cores.Own);

    public TimeSpan SendLag { get; set; }

    /// <summary>Edits and follow-ups the local Discord refused, and deletions, by operation and status: where lost answers went.</summary>
    public string OtherRequests { get; set; } = "";

    public int Answered => AnsweredAtOnce + AnsweredAfterDeferral;

    /// <summary>Answers delivered per second while the load was on.</summary>
    public double Goodput => AnsweredDuringPhase / Seconds;

    /// <summary>Every interaction answered, each within Discord's 3 s.</summary>
    public bool AllAnsweredInTime => Sent > 0 && AnsweredInWindow == Sent && AckedInTime == Sent;

    /// <summary>
    /// The rate is within capacity: every interaction answered within 3 s, and (but for 1 %: a collection, a
    /// late timer) each in the bot's own time (<c>DeferAfter</c>), not after a deferral. A rate a little over
    /// capacity also gets every answer within 3 s for a while, the backlog growing; the deferrals show it.
    /// </summary>
    public bool Sustained => AllAnsweredInTime && Deferred * 100 <= Sent;
}
