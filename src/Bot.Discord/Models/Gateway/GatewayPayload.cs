using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Discord.Models.Gateway;

/// <summary>
/// A received gateway frame <c>{"op", "d", "s", "t"}</c>. <see cref="D"/> stays raw JSON until the
/// dispatcher knows, from <see cref="Op"/> and <see cref="T"/>, which model to read it as.
/// </summary>
/// <remarks>
/// Every part but <c>op</c> may be missing (HEARTBEAT_ACK has only <c>op</c>) or an explicit
/// <c>null</c> (RECONNECT's <c>d</c>, <c>s</c>/<c>t</c> of non-dispatch frames); both forms are kept,
/// so writing a frame back gives what was read.
/// </remarks>
public sealed record GatewayPayload
{
    public GatewayOpcode Op { get; init; }

    /// <summary>The event data; <c>default</c> (ValueKind Undefined) when the frame has no <c>d</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement D { get; init; }

    /// <summary>Sequence number; a value only on dispatches.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<int?> S { get; init; }

    /// <summary>Event name; a value only on dispatches.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> T { get; init; }

    /// <summary>Reads <see cref="D"/> as <typeparamref name="TData"/>; <c>default</c> when the frame has no <c>d</c>.</summary>
    public TData? GetData<TData>(JsonTypeInfo<TData> typeInfo) =>
        D.ValueKind == JsonValueKind.Undefined ? default : D.Deserialize(typeInfo);
}
