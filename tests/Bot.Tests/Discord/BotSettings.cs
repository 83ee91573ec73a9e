using System.Globalization;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Tests.Discord;

/// <summary>
/// The environment the end-to-end tests start the real executable with: the local Discord, the shipped
/// knowledge, words only (no model to load), and a data folder of the test's own. Tests add or change keys.
/// </summary>
internal static class BotSettings
{
    /// <summary>Connected to <paramref name="discord"/>'s gateway.</summary>
    public static Dictionary<string, string?> Gateway(LocalDiscordServer discord, string dataFolder) => new()
    {
        ["Discord__Token"] = discord.Token,
        ["Discord__ApplicationId"] = discord.ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["Discord__ApiBaseUrl"] = discord.BaseUrl,
        ["Knowledge__Folder"] = TestPaths.ShippedKnowledge,
        ["Knowledge__DataFolder"] = dataFolder,
        ["Knowledge__Semantic"] = "false",
    };

    /// <summary>The HTTP interactions endpoint on 127.0.0.1:<paramref name="port"/>, verifying <paramref name="delivery"/>'s signatures.</summary>
    public static Dictionary<string, string?> Http(LocalDiscordServer discord, HttpDelivery delivery, int port, string dataFolder)
    {
        var settings = Gateway(discord, dataFolder);
        settings["Discord__Transport"] = "Http";
        settings["Discord__HttpUrls"] = $"http://127.0.0.1:{port}";
        settings["Discord__PublicKey"] = delivery.PublicKeyHex;

        // The answer itself, not a deferral, even when a busy machine makes the first (cold) answer slow;
        // the deferral tests set their own.
        settings["Discord__Interactions__DeferAfter"] = "00:00:02.500";
        return settings;
    }
}
