using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Http.Tests;

/// <summary>
/// A signed command through the endpoint and the real <see cref="InteractionDispatcher"/>, with the local
/// Discord behind the REST client. The test plays Discord's part: it sends the request, reads the
/// initial response from the HTTP answer, and (as Discord does on receiving it) records that response
/// at the local Discord, so editing the original works there as it would at Discord.
/// </summary>
public sealed class RealDispatcherTests : IAsyncLifetime
{
    private const string EditOriginal = "update_original_webhook_message";

    private readonly FuncHandler _handler = new();
    private LocalDiscordServer _discord = null!;
    private EndpointHarness _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await LocalDiscordServer.StartAsync();
        _host = await EndpointHarness.StartAsync(settings =>
        {
            settings.Discord = _discord;
            settings.Handler = _handler;
            // Long enough that a fast handler is never deferred on a busy machine; the slow test waits on a gate, not on time.
            settings.Config["Discord:Interactions:DeferAfter"] = "00:00:02";
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Fast_handler_reply_is_the_http_body_and_pings_no_one()
    {
        _handler.Handle = (_, _) => ValueTask.FromResult(InteractionReply.Message(new InteractionCallbackData { Content = "Beyond Utopia (2023), asked by <@874955302502531078>" }));
        var (body, _, _) = NewCommand();

        var answer = await _host.SendAsync(_host.Signed(body));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        var response = JsonNode.Parse(answer.Body)!;
        Assert.Equal(4, (int)response["type"]!);
        Assert.Equal("Beyond Utopia (2023), asked by <@874955302502531078>", (string?)response["data"]!["content"]);
        Assert.Equal("[]", response["data"]!["allowed_mentions"]!["parse"]!.ToJsonString());

        // The answer went back on the request: nothing was POSTed to Discord's callback endpoint.
        Assert.Empty(_discord.RequestsTo("create_interaction_response"));
        Assert.Equal(1, _handler.Calls);
    }

    [Fact]
    public async Task Slow_handler_is_deferred_in_the_http_body_and_its_reply_edits_the_original()
    {
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Handle = async (_, cancellationToken) =>
        {
            await proceed.Task.WaitAsync(cancellationToken);
            return InteractionReply.Message(new InteractionCallbackData { Content = "Beyond Utopia follows families escaping North Korea. <@874955302502531078>" });
        };
        var (body, id, token) = NewCommand();

        var answer = await _host.SendAsync(_host.Signed(body));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"type":5}""", answer.Body);
        await ActAsDiscordReceivingAsync(id, token, answer.Body);
        proceed.SetResult();

        await _discord.WaitForRequestsAsync(1, EditOriginal);
        var edit = _discord.RequestsTo(EditOriginal).Single();
        Assert.Equal($"/webhooks/{_discord.ApplicationId}/{token}/messages/@original", edit.Path);
        var sent = JsonNode.Parse(edit.Body)!;
        Assert.Equal("Beyond Utopia follows families escaping North Korea. <@874955302502531078>", (string?)sent["content"]);
        Assert.Equal("[]", sent["allowed_mentions"]!["parse"]!.ToJsonString());
        await _discord.WaitUntilAsync(() => edit.Status is not null, "the edit to be answered");
        Assert.Equal(200, edit.Status);
    }

    [Fact]
    public async Task Failing_handler_gets_the_user_a_short_ephemeral_apology_in_the_http_body()
    {
        _handler.Handle = (_, _) => throw new InvalidOperationException("index offline");
        var (body, _, _) = NewCommand();

        var answer = await _host.SendAsync(_host.Signed(body));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var response = JsonNode.Parse(answer.Body)!;
        Assert.Equal(4, (int)response["type"]!);
        Assert.Equal(InteractionDispatcher.ErrorMessage, (string?)response["data"]!["content"]);
        Assert.Equal(64, (int)response["data"]!["flags"]!);
    }

    /// <summary>The full slash command fixture, as a new interaction the local Discord knows.</summary>
    private (string Body, ulong Id, string Token) NewCommand()
    {
        var (id, token) = _discord.NewInteraction();
        var interaction = JsonNode.Parse(FixtureFiles.Read("interaction_slash_command_full.json"))!.AsObject();
        interaction["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        interaction["token"] = token;
        interaction["application_id"] = _discord.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (interaction.ToJsonString(), id, token);
    }

    /// <summary>What Discord does with the initial response it read from our answer: it becomes the interaction's response.</summary>
    private async Task ActAsDiscordReceivingAsync(ulong id, string token, string initialResponse)
    {
        using var http = new HttpClient();
        using var content = new StringContent(initialResponse, Encoding.UTF8, "application/json");
        using var recorded = await http.PostAsync(new Uri($"{_discord.BaseUrl}/interactions/{id}/{token}/callback"), content);
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
    }

    private sealed class FuncHandler : IInteractionHandler
    {
        private int _calls;

        public Func<Interaction, CancellationToken, ValueTask<InteractionReply>> Handle { get; set; } =
            (_, _) => ValueTask.FromResult(InteractionReply.Message(new InteractionCallbackData { Content = "ok" }));

        public int Calls => Volatile.Read(ref _calls);

        public DeferralKind PlanDeferral(Interaction interaction) => DeferralKind.Public;

        public ValueTask<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Handle(interaction, cancellationToken);
        }
    }
}
