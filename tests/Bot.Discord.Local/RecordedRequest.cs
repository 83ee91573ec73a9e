using System.Globalization;

namespace Bot.Discord.Local;

/// <summary>One request as <see cref="LocalDiscordServer"/> received it, and what it answered.</summary>
public sealed class RecordedRequest
{
    /// <summary>Order of arrival, on the same counter as <see cref="ResponseSequence"/>.</summary>
    public required long Sequence { get; init; }

    public required string Method { get; init; }

    /// <summary>Path below <c>/api/v10</c>, as sent (escaped).</summary>
    public required string Path { get; init; }

    /// <summary>Query string with its <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>The Discord operation the path matched (<c>create_message</c>…), or null.</summary>
    public string? Operation { get; set; }

    /// <summary>Server time (its <see cref="TimeProvider"/>) at arrival.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public int? Status { get; set; }

    /// <summary>Set when the answer was written; compare with another request's <see cref="Sequence"/>.</summary>
    public long? ResponseSequence { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"#{Sequence} {Method} {Operation ?? Path} → {Status?.ToString(CultureInfo.InvariantCulture) ?? "…"}";
}
