using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary><c>register-commands</c>, run as a user runs it, against the local Discord.</summary>
public sealed class RegisterCommandsTests : IAsyncLifetime
{
    private const ulong Guild = 1213418019225731074;
    private readonly TempFolder _work = new();
    private LocalDiscordServer _discord = null!;

    public async Task InitializeAsync() => _discord = await LocalDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _work.Dispose();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Discord__Token"] = _discord.Token,
        ["Discord__ApplicationId"] = _discord.ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["Discord__ApiBaseUrl"] = _discord.BaseUrl,
        ["Knowledge__Semantic"] = "false",
    };

    [Fact]
    public async Task Registers_every_command_in_the_guild_and_says_what_changed()
    {
        var first = await BotProcess.RunAsync(_work.FullPath, Settings(), "register-commands", "--guild", Guild.ToString(CultureInfo.InvariantCulture));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"in guild {Guild}", first.Output);
        var put = Assert.Single(_discord.RequestsTo("bulk_set_guild_application_commands"));
        Assert.Contains($"/guilds/{Guild}/", put.Path);
        var names = JsonNode.Parse(put.Body)!.AsArray().Select(c => (string)c!["name"]!).ToArray();
        Assert.Contains("ask", names);
        Assert.Contains("help", names);
        foreach (var name in names)
            Assert.Contains($"+ /{name} (added)", first.Output);
        Assert.Empty(OpenApiRequestCheck.Problems(_discord.Requests));

        var again = await BotProcess.RunAsync(_work.FullPath, Settings(), "register-commands", "--guild", Guild.ToString(CultureInfo.InvariantCulture));

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("/ask (unchanged)", again.Output);
        Assert.Contains("Nothing changed.", again.Output);
    }

    [Fact]
    public async Task Without_a_guild_registers_globally()
    {
        var run = await BotProcess.RunAsync(_work.FullPath, Settings(), "register-commands");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("globally", run.Output);
        Assert.Single(_discord.RequestsTo("bulk_set_application_commands"));
    }

    [Fact]
    public async Task A_rejected_token_is_one_line_naming_the_setting_and_never_the_token()
    {
        var settings = Settings();
        settings["Discord__Token"] = "MTIz.not-the-right.token-value-0123456789";

        var run = await BotProcess.RunAsync(_work.FullPath, settings, "register-commands");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:Token", run.Error);
        Assert.DoesNotContain("not-the-right", run.Error + run.Output);
        Assert.Empty(_discord.RequestsTo("bulk_set_application_commands"));
    }

    [Fact]
    public async Task Without_settings_it_says_exactly_what_to_set()
    {
        var run = await BotProcess.RunAsync(_work.FullPath, new Dictionary<string, string?>(), "register-commands");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord__Token", run.Error);
        Assert.Contains("Discord__ApplicationId", run.Error);
        Assert.Empty(_discord.Requests);
    }
}
