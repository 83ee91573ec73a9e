using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Interactions;

/// <summary>The interaction a callback answered, as the callback response describes it.</summary>
public sealed record InteractionCallback
{
    public ulong Id { get; init; }

    public InteractionType Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> ActivityInstanceId { get; init; }

    public ulong? ResponseMessageId { get; init; }

    public bool? ResponseMessageLoading { get; init; }

    public bool? ResponseMessageEphemeral { get; init; }
}
