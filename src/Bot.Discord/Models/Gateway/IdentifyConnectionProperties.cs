namespace Bot.Discord.Models.Gateway;

/// <summary>The <c>properties</c> of Identify: the OS and the library name (in both <c>browser</c> and <c>device</c>).</summary>
public sealed record IdentifyConnectionProperties
{
    public string Os { get; init; } = "";

    public string Browser { get; init; } = "";

    public string Device { get; init; } = "";
}
