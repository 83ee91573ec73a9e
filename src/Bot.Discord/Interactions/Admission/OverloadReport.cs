namespace Bot.Discord.Interactions.Admission;

/// <summary>What admission turned away or hurried since its last report (<see cref="InteractionAdmission.TakeReport"/>).</summary>
internal readonly record struct OverloadReport(TimeSpan Period, long Busy, long DeferredAtOnce, long Expired, int Waiting, TimeSpan ServiceTime);
