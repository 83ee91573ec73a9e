using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.Gateway;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>
/// The real executable, started as <c>dotnet run --project src/Bot</c> starts it, connected to the
/// local Discord's gateway: identify, ready, a slash command in, the answer out, a clean stop.
/// </summary>
public sealed class GatewayEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _work = new();
    private LocalDiscordServer _discord = null!;

    public async Task InitializeAsync() => _discord = await LocalDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _work.Dispose();
    }

    private Dictionary<string, string?> Settings() => BotSettings.Gateway(_discord, _work.Combine("data"));

    private async Task<BotProcess> StartConnected(Dictionary<string, string?>? settings = null)
    {
        var bot = BotProcess.Start(_work.FullPath, settings ?? Settings());
        try
        {
            await _discord.Gateway.WaitForAsync(g => g.IdentifyCount >= 1 && g.CurrentSessionId is not null, "the bot to identify", Patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nBot log:\n{bot.Error}", e);
        }

        return bot;
    }

    [Fact]
    public async Task Answers_an_ask_command_from_the_gateway_with_the_answer_in_an_embed_and_no_pings()
    {
        await using var bot = await StartConnected();

        var identify = _discord.Gateway.Current.ReceivedOp(2).Single();
        Assert.Equal(0, identify.D!["intents"]!.GetValue<int>());
        var ask = InteractionPayloads.SlashCommand(_discord, "ask", [("question", "Who directed Beyond Utopia?")]);
        await _discord.Gateway.DispatchInteractionAsync(ask.ToJsonString());
        await _discord.WaitForRequestsAsync(1, "create_interaction_response", Patience);

        var callback = JsonNode.Parse(_discord.RequestsTo("create_interaction_response").Single().Body)!;
        Assert.Equal(4, callback["type"]!.GetValue<int>());
        var embed = callback["data"]!["embeds"]![0]!;
        Assert.Contains("Madeleine Gavin", embed["title"]!.GetValue<string>());
        Assert.Contains("Behind the Scenes with the Director", embed["footer"]!["text"]!.GetValue<string>());
        Assert.Empty(callback["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        // Everything the bot sent on the way (gateway URL, command registration, the callback) is
        // what Discord's API description accepts.
        Assert.Empty(OpenApiRequestCheck.Problems(_discord.Requests));
    }

    [Fact]
    public async Task A_resume_that_gets_no_answer_ends_in_a_new_identify_and_ask_is_answered_again()
    {
        var settings = Settings();
        settings["Discord__ResumeTimeout"] = "00:00:01";
        await using var bot = await StartConnected(settings);
        var firstSession = _discord.Gateway.CurrentSessionId;
        _discord.Gateway.ResumeReply = ResumeReply.Ignore;

        await _discord.Gateway.SendReconnectAsync();
        await _discord.Gateway.WaitForAsync(g => g.IdentifyCount == 2 && g.CurrentSessionId is { } s && s != firstSession, "a new IDENTIFY", Patience);
        var ask = InteractionPayloads.SlashCommand(_discord, "ask", [("question", "Who directed Beyond Utopia?")]);
        await _discord.Gateway.DispatchInteractionAsync(ask.ToJsonString());
        await _discord.WaitForRequestsAsync(1, "create_interaction_response", Patience);

        var callback = JsonNode.Parse(_discord.RequestsTo("create_interaction_response").Single().Body)!;
        Assert.Contains("Madeleine Gavin", callback["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(1, _discord.Gateway.ResumeCount);
        Assert.Equal(1000, _discord.Gateway.Connections[1].ClientCloseCode);
        await bot.WaitForLogAsync("neither RESUMED, INVALID_SESSION nor a replayed event within 00:00:01", Patience);
    }

    [Fact]
    public async Task Sigterm_closes_the_gateway_with_1000_and_exits_cleanly()
    {
        await using var bot = await StartConnected();
        var connection = _discord.Gateway.Current;

        bot.Terminate();
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(0, bot.ExitCode);
        await connection.Ended.WaitAsync(Patience);
        Assert.Equal(1000, connection.ClientCloseCode);
    }

    [Fact]
    public async Task A_rejected_token_stops_the_bot_with_a_message_and_no_retry_storm()
    {
        var settings = Settings();
        settings["Discord__GatewayUrl"] = _discord.Gateway.Url;
        settings["Discord__Token"] = "MTIz.bad.token-not-accepted-by-the-local-discord";

        await using var bot = BotProcess.Start(_work.FullPath, settings);
        await bot.WaitForExitAsync(Patience);

        Assert.NotEqual(0, bot.ExitCode);
        Assert.Contains("4004", bot.Error);
        Assert.Contains("Discord__Token", bot.Error);
        Assert.DoesNotContain("token-not-accepted", bot.Error + bot.Output);
        Assert.Equal(1, _discord.Gateway.ConnectionCount);
    }
}
