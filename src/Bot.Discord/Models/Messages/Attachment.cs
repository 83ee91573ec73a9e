using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Messages;

/// <summary>
/// A message attachment. Received with everything filled in; when sending, only <see cref="Id"/>
/// (the index of the <c>files[n]</c> part, or an existing attachment's id to keep it),
/// <see cref="Filename"/> and <see cref="Description"/> count.
/// </summary>
public sealed record Attachment
{
    public ulong Id { get; init; }

    public string? Filename { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Title { get; init; }

    public string? Description { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Bytes.</summary>
    public long? Size { get; init; }

    public string? Url { get; init; }

    public string? ProxyUrl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<int?> Height { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<int?> Width { get; init; }

    public bool? Ephemeral { get; init; }

    public double? DurationSecs { get; init; }

    public string? Waveform { get; init; }

    public int? Flags { get; init; }
}
