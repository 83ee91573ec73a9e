using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;
using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Rest;

/// <summary>What goes on the wire: authorization, user agent, content type, and the token nowhere else.</summary>
public sealed partial class RestHeadersTests
{
    [Fact]
    public async Task Bot_routes_send_the_bot_token_and_a_DiscordBot_user_agent()
    {
        await using var harness = await RestHarness.StartAsync();

        var result = await harness.Client.GetGatewayBotAsync();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(harness.Server.Gateway.Url, result.Value.Url);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/gateway/bot", request.Path);
        Assert.Equal("Bot " + harness.Server.Token, request.Header("Authorization"));
        Assert.Matches(DiscordUserAgent(), request.Header("User-Agent"));
    }

    [Fact]
    public async Task Interaction_routes_carry_the_token_in_the_path_and_send_no_authorization_header()
    {
        await using var harness = await RestHarness.StartAsync();
        var (id, token) = harness.Server.NewInteraction();
        var app = harness.Server.ApplicationId;

        Assert.True((await harness.Client.CreateInteractionResponseAsync(id, token, InteractionResponse.DeferredChannelMessage(ephemeral: true))).IsSuccess);
        Assert.True((await harness.Client.EditOriginalResponseAsync(app, token, new EditWebhookMessageRequest { Content = "Done." })).IsSuccess);
        Assert.True((await harness.Client.CreateFollowupMessageAsync(app, token, new CreateFollowupMessageRequest { Content = "More." })).IsSuccess);
        Assert.True((await harness.Client.DeleteOriginalResponseAsync(app, token)).IsSuccess);

        Assert.Equal(4, harness.Server.Requests.Count);
        Assert.All(harness.Server.Requests, request =>
        {
            Assert.Null(request.Header("Authorization"));
            Assert.Matches(DiscordUserAgent(), request.Header("User-Agent"));
            Assert.Contains(token, request.Path);
        });
    }

    [Fact]
    public async Task Bodies_are_json_from_the_wire_models()
    {
        await using var harness = await RestHarness.StartAsync();

        var result = await harness.Client.CreateMessageAsync(1213418270883971075, TestModels.Hello);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1213418270883971075ul, result.Value.ChannelId);
        Assert.Equal(TestModels.Hello.Content, result.Value.Content);
        var request = Assert.Single(harness.Server.Requests);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(TestModels.Hello.Content, (string?)body["content"]);
        Assert.Equal("[]", body["allowed_mentions"]!["parse"]!.ToJsonString());
    }

    [Fact]
    public async Task A_token_given_with_its_Bot_prefix_is_sent_once_prefixed()
    {
        await using var harness = await RestHarness.StartAsync(configure: options => options.Token = "Bot " + options.Token);

        Assert.True((await harness.Client.GetGatewayBotAsync()).IsSuccess);
        Assert.Equal("Bot " + harness.Server.Token, harness.Server.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task An_audit_log_reason_is_sent_url_encoded()
    {
        await using var harness = await RestHarness.StartAsync();

        Assert.True((await harness.Client.PinMessageAsync(1213418270883971075, 1533158394691715084, "Pinned by /pin — film night")).IsSuccess);

        Assert.Equal("Pinned%20by%20%2Fpin%20%E2%80%94%20film%20night", harness.Server.Requests[0].Header("X-Audit-Log-Reason"));
        Assert.Equal("/channels/1213418270883971075/messages/pins/1533158394691715084", harness.Server.Requests[0].Path);
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_outcomes_or_exceptions()
    {
        await using var harness = await RestHarness.StartAsync(configure: options => options.MaxAttempts = 2);
        var token = harness.Server.Token;
        var seen = new List<string>();

        harness.Server.Script("create_message", LocalDiscordResponses.RateLimited("user", 0.01), times: 2);
        seen.Add((await harness.Client.CreateMessageAsync(1, TestModels.Hello)).ToString());
        harness.Server.Script("create_message", LocalDiscordResponses.BadGateway(), times: 2);
        seen.Add((await harness.Client.CreateMessageAsync(2, TestModels.Hello)).Error!.ToString());
        harness.Server.Script("create_guild_scheduled_event", LocalDiscordResponses.InvalidFormBody("error_50035_object.json"));
        seen.Add((await harness.Client.CreateGuildScheduledEventAsync(3, new())).Error!.ToString());
        harness.Server.Script("get_bot_gateway", LocalDiscordResponses.Unauthorized());
        seen.Add((await harness.Client.GetGatewayBotAsync()).Error!.ToString());
        seen.Add((await harness.Client.GetGatewayBotAsync()).Error!.ToString());

        // No server at all: connection refused, every try.
        var closed = await LocalDiscordServer.StartAsync();
        var closedUrl = closed.BaseUrl;
        await closed.DisposeAsync();
        var logs = new CapturingLogger<DiscordRestClient>();
        using var http = new HttpClient();
        var offline = new DiscordRestClient(
            http,
            Options.Create(new DiscordOptions { ApiBaseUrl = closedUrl, Token = token, MaxAttempts = 2, ServerErrorBackoff = TimeSpan.FromMilliseconds(5), MaxServerErrorBackoff = TimeSpan.FromMilliseconds(5) }),
            new RestRateLimiter(TimeProvider.System),
            TimeProvider.System,
            logs);
        var unreachable = await offline.GetGatewayBotAsync();
        Assert.Equal(DiscordRestErrorKind.Unreachable, unreachable.Error?.Kind);
        seen.Add(unreachable.Error!.ToString());

        // Bad settings: the exception names the setting, not the token.
        var invalid = Assert.Throws<InvalidOperationException>(() => new DiscordRestClient(
            http, Options.Create(new DiscordOptions { Token = token, UserAgent = "MyBot/1.0" }), new RestRateLimiter(TimeProvider.System), TimeProvider.System, logs));
        Assert.Contains("UserAgent", invalid.Message);
        seen.Add(invalid.ToString());
        seen.Add(new DiscordOptions { Token = token }.ToString());

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(token, harness.Logs.AllText);
        Assert.DoesNotContain(token, logs.AllText);
        Assert.All(seen, text => Assert.DoesNotContain(token, text));
        Assert.All(seen, text => Assert.DoesNotContain(token[..20], text));
    }

    [Fact]
    public async Task Logs_name_the_operation_not_the_path_holding_an_interaction_token()
    {
        await using var harness = await RestHarness.StartAsync();
        var (id, token) = harness.Server.NewInteraction();
        harness.Server.Script("create_interaction_response", LocalDiscordResponses.RateLimited("user", 0.01));

        Assert.True((await harness.Client.CreateInteractionResponseAsync(id, token, TestModels.Reply)).IsSuccess);

        Assert.Contains("create_interaction_response", harness.Logs.AllText);
        Assert.DoesNotContain(token, harness.Logs.AllText);
    }

    [Fact]
    public void Options_print_without_the_token()
    {
        var options = new DiscordOptions { Token = "secret-token-value" };

        Assert.DoesNotContain("secret-token-value", options.ToString());
        Assert.Contains("Token = (set)", options.ToString());
    }

    [Theory]
    [InlineData("DiscordBot (https://example.org, 1.0)", true)]
    [InlineData("DiscordBot (https://example.org/beyond-utopia-bot, 2.3.1) extra words", true)]
    [InlineData("DiscordBot (https://example.org 1.0)", false)]
    [InlineData("DiscordBot", false)]
    [InlineData("Mozilla/5.0", false)]
    public void The_user_agent_must_have_Discords_form(string userAgent, bool valid)
    {
        var problems = DiscordOptionsTests.Problems(new DiscordOptions { Token = "t", UserAgent = userAgent });

        Assert.Equal(valid, problems.Count == 0);
    }

    [GeneratedRegex(@"^DiscordBot \(https?://[^\s,]+, [0-9][^)]*\)")]
    private static partial Regex DiscordUserAgent();
}
