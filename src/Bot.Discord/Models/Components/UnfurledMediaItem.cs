using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Components;

/// <summary>Media in V2 components: send only <see cref="Url"/> (http(s) or <c>attachment://name</c>); Discord fills in the rest.</summary>
public sealed record UnfurledMediaItem
{
    public string Url { get; init; } = "";

    public string? ProxyUrl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<int?> Height { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<int?> Width { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> ContentType { get; init; }

    public ulong? AttachmentId { get; init; }
}
