using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local;

namespace Bot.Tests.Discord;

/// <summary>
/// Registration when the real executable starts: what Discord lists decides, not what the data folder
/// remembers. One data folder, as after a restored backup or with two deployments of one application.
/// </summary>
public sealed class StartupRegistrationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Two_fresh_discords_started_from_one_data_folder_both_get_every_command_and_an_unchanged_one_gets_no_overwrite()
    {
        await using var first = await LocalDiscordServer.StartAsync();
        await using var second = await LocalDiscordServer.StartAsync();

        await StartAndStopAsync(first, "slash commands globally because /about is missing; /ask is missing");
        await StartAndStopAsync(second, "slash commands globally because /about is missing; /ask is missing");
        var again = await StartAndStopAsync(second, "Slash commands up to date");

        var ours = Names(JsonNode.Parse(Assert.Single(first.RequestsTo("bulk_set_application_commands")).Body)!.AsArray());
        Assert.Contains("ask", ours);
        Assert.Contains("watchparty", ours);
        Assert.Equal(ours, Names(first.CommandsIn()));
        Assert.Equal(ours, Names(second.CommandsIn()));
        Assert.Single(second.RequestsTo("bulk_set_application_commands"));
        Assert.Equal(2, second.RequestsTo("list_application_commands").Count);
        Assert.DoesNotContain("Registered", again.Error);
    }

    /// <summary>Starts the bot against <paramref name="discord"/>, waits until it logged <paramref name="registration"/>, and stops it.</summary>
    private async Task<BotProcess> StartAndStopAsync(LocalDiscordServer discord, string registration)
    {
        var bot = BotProcess.Start(_work.FullPath, new Dictionary<string, string?>
        {
            ["Discord__Token"] = discord.Token,
            ["Discord__ApplicationId"] = discord.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = discord.BaseUrl,
            ["Knowledge__Folder"] = TestPaths.ShippedKnowledge,
            ["Knowledge__DataFolder"] = _work.Combine("data"),
            ["Knowledge__Semantic"] = "false",
        });
        await using (bot)
        {
            await bot.WaitForLogAsync(registration, Patience);
            bot.Terminate();
            await bot.WaitForExitAsync(Patience);
        }

        return bot;
    }

    private static string[] Names(JsonArray commands) => commands.Select(c => (string)c!["name"]!).Order(StringComparer.Ordinal).ToArray();
}
