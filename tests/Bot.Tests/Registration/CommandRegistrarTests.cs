using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Commands.Hosting;
using Bot.Discord.Local;
using Bot.Discord.Local.Logging;
using Bot.Discord.Local.OpenApi;
using Bot.Discord.Models.Commands;
using Bot.Discord.Rest;
using Bot.DiscordBridge;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Bot.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Registration;

/// <summary>
/// Registration at start against the local Discord, with the shipped command definitions: Discord's list
/// is read once, and overwritten once when it differs from ours in any way, never when it does not.
/// </summary>
public sealed class CommandRegistrarTests : IAsyncLifetime
{
    private const ulong Guild = 1213418019225731074;
    private readonly TempFolder _temp = new();
    private readonly CapturingLoggerProvider _logs = new();
    private LocalDiscordServer _discord = null!;
    private ServiceProvider _services = null!;
    private IReadOnlyList<ApplicationCommand> _ours = null!;

    private CommandRegistrar Registrar => _services.GetRequiredService<CommandRegistrar>();

    public async Task InitializeAsync()
    {
        _discord = await LocalDiscordServer.StartAsync();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddSingleton(new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index"))))
            .AddSingleton<AnswerEngine>()
            .AddBotCommands()
            .AddSingleton<CommandRegistrar>();
        collection.AddDiscordRest(options => (options.ApiBaseUrl, options.Token) = (_discord.BaseUrl, _discord.Token));
        _services = collection.BuildServiceProvider();
        _ours = CommandDefinitions.ToDiscord(_services.GetRequiredService<CommandCatalog>().Definitions);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_discord_that_has_our_commands_as_it_lists_them_gets_no_overwrite()
    {
        await Registrar.SynchronizeAsync(_discord.ApplicationId, null, _ours, CancellationToken.None);
        var listed = _discord.CommandsIn();

        var again = await Registrar.SynchronizeAsync(_discord.ApplicationId, null, _ours, CancellationToken.None);

        Assert.False(again.Any, string.Join("\n", again.Lines()));
        Assert.Single(_discord.RequestsTo("bulk_set_application_commands"));
        Assert.Equal(2, _discord.RequestsTo("list_application_commands").Count);
        Assert.Equal(listed.ToJsonString(), _discord.CommandsIn().ToJsonString()); // ids and versions untouched
        Assert.All(listed, command => Assert.NotNull(command!["id"])); // what Discord adds was there to ignore
        Assert.Contains(_logs.Entries, e => e.Message == $"Slash commands up to date: Discord has our {_ours.Count} commands globally; not registering");
        Assert.Empty(OpenApiRequestCheck.Problems(_discord.Requests));
    }

    public static TheoryData<string, string> Tampered() => new()
    {
        { "deleted", "/trivia is missing" },
        { "changed", "/ask differs in question.description" },
        { "extra", "/vote is not one of ours" },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_discord_with_one_command_deleted_changed_or_extra_gets_one_overwrite_back_to_ours(string tampering, string reason)
    {
        await Registrar.SynchronizeAsync(_discord.ApplicationId, Guild, _ours, CancellationToken.None);
        var registered = _discord.CommandsIn(Guild);
        _discord.SetCommands(Tamper(registered, tampering), Guild);

        var changes = await Registrar.SynchronizeAsync(_discord.ApplicationId, Guild, _ours, CancellationToken.None);

        Assert.True(changes.Any);
        Assert.Equal(2, _discord.RequestsTo("bulk_set_guild_application_commands").Count);
        Assert.Equal(Names(registered), Names(_discord.CommandsIn(Guild)));
        var logged = _logs.Entries.Last(e => e.Message.StartsWith("Registered", StringComparison.Ordinal)).Message;
        Assert.Equal($"Registered {_ours.Count} slash commands in guild {Guild} because {reason}", logged);
        Assert.False((await Registrar.SynchronizeAsync(_discord.ApplicationId, Guild, _ours, CancellationToken.None)).Any);
        Assert.Equal(2, _discord.RequestsTo("bulk_set_guild_application_commands").Count);
    }

    [Fact]
    public async Task Register_commands_overwrites_even_when_discord_has_them_and_says_nothing_changed()
    {
        await Registrar.SynchronizeAsync(_discord.ApplicationId, null, _ours, CancellationToken.None);

        var changes = await Registrar.RegisterAsync(_discord.ApplicationId, null, _ours, CancellationToken.None);

        Assert.False(changes.Any);
        Assert.Equal(_ours.Count, changes.Unchanged.Count);
        Assert.Equal(2, _discord.RequestsTo("bulk_set_application_commands").Count);
    }

    [Fact]
    public async Task A_list_discord_refuses_is_one_message_naming_the_setting_and_nothing_is_written()
    {
        var collection = new ServiceCollection().AddLogging().AddSingleton<CommandRegistrar>();
        collection.AddDiscordRest(options => (options.ApiBaseUrl, options.Token) = (_discord.BaseUrl, "MTIz.not-the-right.token-value-0123456789"));
        await using var wrongToken = collection.BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<CommandRegistrationException>(
            () => wrongToken.GetRequiredService<CommandRegistrar>().SynchronizeAsync(_discord.ApplicationId, null, _ours, CancellationToken.None));

        Assert.Contains("Discord:Token", refused.Message);
        Assert.DoesNotContain("not-the-right", refused.Message);
        Assert.Empty(_discord.RequestsTo("bulk_set_application_commands"));
    }

    /// <summary>One command removed, edited as in the developer portal, or added by another deployment.</summary>
    private static JsonArray Tamper(JsonArray commands, string how)
    {
        var tampered = (JsonArray)commands.DeepClone();
        switch (how)
        {
            case "deleted":
                tampered.Remove(tampered.Single(c => (string?)c!["name"] == "trivia"));
                break;
            case "changed":
                tampered.Single(c => (string?)c!["name"] == "ask")!["options"]![0]!["description"] = "Edited elsewhere";
                break;
            default:
                var vote = tampered.Single(c => (string?)c!["name"] == "help")!.DeepClone();
                vote["name"] = "vote";
                vote["id"] = "1521787443609731999";
                tampered.Add(vote);
                break;
        }

        return tampered;
    }

    private static string[] Names(JsonArray commands) => commands.Select(c => (string)c!["name"]!).Order(StringComparer.Ordinal).ToArray();
}
