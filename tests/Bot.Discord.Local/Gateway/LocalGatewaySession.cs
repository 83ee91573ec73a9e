namespace Bot.Discord.Local.Gateway;

/// <summary>A session the local gateway started with READY: its dispatches, numbered, kept for replay on resume.</summary>
internal sealed class LocalGatewaySession(string id)
{
    public string Id { get; } = id;

    /// <summary>The last <c>s</c> handed out.</summary>
    public int Sequence { get; set; }

    /// <summary>Every dispatch after READY, in order, for RESUME to replay.</summary>
    public List<(int Sequence, string Json)> Events { get; } = [];

    /// <summary>The connection dispatches go to now; null while the client is away.</summary>
    public LocalGatewayConnection? Live { get; set; }

    /// <summary>Closed with 1000/1001, INVALID_SESSION false, or a new-session close code: cannot be resumed.</summary>
    public bool Invalidated { get; set; }
}
