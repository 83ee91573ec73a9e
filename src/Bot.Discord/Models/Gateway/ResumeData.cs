namespace Bot.Discord.Models.Gateway;

/// <summary>The <c>d</c> of op 6 Resume.</summary>
public sealed record ResumeData
{
    public string Token { get; init; } = "";

    public string SessionId { get; init; } = "";

    /// <summary>The last sequence number received.</summary>
    public int Seq { get; init; }

    // The token must never reach a log through the record's generated ToString.
    public override string ToString() => $"ResumeData {{ SessionId = {SessionId}, Seq = {Seq} }}";
}
