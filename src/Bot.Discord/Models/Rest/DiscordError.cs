using System.Text.Json;

namespace Bot.Discord.Models.Rest;

/// <summary>The JSON body of a failed REST request (4xx other than 429).</summary>
public sealed record DiscordError
{
    /// <summary>Discord's error code, e.g. 10062 unknown interaction, 40060 already acknowledged, 50013 missing permissions.</summary>
    public int Code { get; init; }

    public string Message { get; init; } = "";

    /// <summary>
    /// For 50035: mirrors the request, array items keyed "0", "1"…, leaves hold
    /// <c>"_errors": [{"code", "message"}]</c>. Kept raw because its shape follows the request.
    /// </summary>
    public JsonElement? Errors { get; init; }
}
