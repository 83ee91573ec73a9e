namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// The outcome of <see cref="InteractionAdmission.Admit{T}"/>: the decision, the estimated time from the
/// interaction's arrival to its answer, and the handler's result to come (null when refused as busy).
/// </summary>
/// <param name="Work">
/// Completes with the handler's result once it ran; cancelled when its token was cancelled before its turn
/// came (it then never runs).
/// </param>
public sealed record AdmissionTicket<T>(AdmissionDecision Decision, TimeSpan EstimatedAnswerAfter, Task<T>? Work)
{
    public bool IsBusy => Work is null;
}
