using Bot.Discord.Models.Gateway;

namespace Bot.Discord.Gateway;

/// <summary>The IDENTIFY this bot sends.</summary>
internal static class GatewayIdentify
{
    /// <summary>Goes in <c>browser</c> and <c>device</c>, where Discord wants the library's name.</summary>
    public const string LibraryName = "Bot.Discord";

    /// <summary>
    /// Token, intents, connection properties, and <c>shard</c> only when there is more than one shard, so
    /// an unsharded bot sends exactly the documented minimal IDENTIFY. No compression, no presence.
    /// </summary>
    public static IdentifyData Build(DiscordOptions options) => new()
    {
        Token = options.GatewayToken,
        Intents = options.Intents,
        Properties = new IdentifyConnectionProperties { Os = OperatingSystemName(), Browser = LibraryName, Device = LibraryName },
        Shard = options.Shard,
    };

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";
}
