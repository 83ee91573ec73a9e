namespace Bot.Discord.Gateway;

/// <summary>
/// What survives a dropped connection: the session READY started, where to resume it, and the last
/// sequence number seen. Cleared when the session dies (INVALID_SESSION false, 4007/4009).
/// </summary>
internal sealed class GatewaySession
{
    private const long NoSequence = -1;

    // The heartbeat task reads the sequence while the receive loop writes it.
    private long _sequence = NoSequence;

    public string? SessionId { get; private set; }

    public Uri? ResumeUri { get; private set; }

    /// <summary>The latest <c>s</c> seen, or null before the first dispatch.</summary>
    public int? Sequence
    {
        get
        {
            var sequence = Interlocked.Read(ref _sequence);
            return sequence == NoSequence ? null : (int)sequence;
        }
    }

    public bool CanResume => SessionId is not null && ResumeUri is not null && Sequence is not null;

    public void Start(string sessionId, Uri resumeUri)
    {
        SessionId = sessionId;
        ResumeUri = resumeUri;
    }

    /// <summary>Raised after a dispatch's sequence number is counted, so a waiter needs no polling.</summary>
    public event Action? Observed;

    public void Observe(int sequence)
    {
        Interlocked.Exchange(ref _sequence, sequence);
        Observed?.Invoke();
    }

    public void Clear()
    {
        SessionId = null;
        ResumeUri = null;
        Interlocked.Exchange(ref _sequence, NoSequence);
    }
}
