using System.Net;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Tests.Discord;

namespace Bot.Tests.Observability;

/// <summary>
/// The real executable on the local Discord's gateway, watched as an operator watches it: the probes and
/// /metrics on <c>Observability:Urls</c>, and its log lines in JSON.
/// </summary>
public sealed class GatewayObservabilityTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _work = new();
    private readonly int _port = LocalPorts.Free();
    private LocalDiscordServer _discord = null!;
    private ProbeClient _probes = null!;

    public async Task InitializeAsync()
    {
        _discord = await LocalDiscordServer.StartAsync();
        _probes = new ProbeClient(_port, _discord.Gateway);
    }

    public async Task DisposeAsync()
    {
        _probes.Dispose();
        await _discord.DisposeAsync();
        _work.Dispose();
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = BotSettings.Gateway(_discord, _work.Combine("data"));
        settings["Observability__Urls"] = $"http://127.0.0.1:{_port}";
        return settings;
    }

    [Fact]
    public async Task Live_answers_during_the_start_while_ready_waits_for_the_index_and_then_for_ready_from_discord()
    {
        // Discord holds READY: the bot is alive (heartbeats acknowledged) but has no session, whether
        // or not the index is built yet, and ready must say so until READY arrives.
        _discord.Gateway.HoldReady();
        var settings = Settings();
        settings.Remove("Knowledge__Semantic");
        await using var bot = BotProcess.Start(_work.FullPath, settings);

        var live = await _probes.WaitForAsync("/healthz/live", HttpStatusCode.OK, bot, 0);
        await _discord.Gateway.WaitForAsync(g => g.IdentifyCount == 1, "the bot's IDENTIFY", Patience);
        var (starting, startingBody) = await _probes.GetAsync("/healthz/ready");

        Assert.Equal("Healthy", ProbeClient.CheckStatus(live, "gateway-heartbeat"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting);
        Assert.Equal("Unhealthy", ProbeClient.CheckStatus(startingBody, "gateway-session"));

        await bot.WaitForLogAsync("Knowledge ready", Patience);
        var (indexed, indexedBody) = await _probes.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, indexed);
        Assert.Equal("Healthy", ProbeClient.CheckStatus(indexedBody, "knowledge"));
        Assert.Equal("Unhealthy", ProbeClient.CheckStatus(indexedBody, "gateway-session"));

        _discord.Gateway.ReleaseReady();
        var ready = await _probes.WaitForAsync("/healthz/ready", HttpStatusCode.OK, bot, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Healthy", ProbeClient.CheckStatus(ready, "knowledge"));
        Assert.Equal("Healthy", ProbeClient.CheckStatus(ready, "gateway-session"));
        Assert.NotNull(_discord.Gateway.CurrentSessionId);
    }

    [Fact]
    public async Task One_ask_shows_in_the_metrics_and_every_log_line_of_its_handling_carries_its_id_and_command()
    {
        var settings = Settings();
        settings["Logging__Console__FormatterName"] = "json";
        settings["Logging__LogLevel__Bot"] = "Debug";
        await using var bot = BotProcess.Start(_work.FullPath, settings);
        await _probes.WaitForAsync("/healthz/ready", HttpStatusCode.OK, bot, 0, HttpStatusCode.ServiceUnavailable);
        var ask = InteractionPayloads.SlashCommand(_discord, "ask", [("question", "Who directed Beyond Utopia?")]);
        var id = (string)ask["id"]!;
        var token = (string)ask["token"]!;

        await _discord.Gateway.DispatchInteractionAsync(ask.ToJsonString());
        await _discord.WaitForRequestsAsync(1, "create_interaction_response", Patience);
        var metrics = await _probes.ScrapeUntilAsync(bot, "the answered /ask and its latency", text =>
            PrometheusText.Value(text, "bot_interactions_total", ("command", "ask"), ("type", "command"), ("outcome", "answered")) == 1
            && PrometheusText.Value(text, "bot_answer_duration_seconds_count", ("command", "ask"), ("deferred", "false")) == 1);

        Assert.Equal(1, PrometheusText.Value(metrics, "bot_answer_duration_seconds_bucket", ("command", "ask"), ("le", "+Inf")));
        Assert.Equal(1, PrometheusText.Value(metrics, "bot_gateway_sessions_total", ("kind", "identified")));
        Assert.Equal(1, PrometheusText.Value(metrics, "bot_questions_total", ("outcome", "answered")));
        Assert.Equal(1, PrometheusText.Value(metrics, "bot_rest_requests_total", ("route", "/interactions/{interaction_id}/{interaction_token}/callback"), ("method", "POST")));
        Assert.Equal(0, PrometheusText.Value(metrics, "bot_interactions_queued"));
        Assert.True(PrometheusText.Value(metrics, "bot_knowledge_passages") > 0, metrics);
        Assert.DoesNotContain(id, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(token, metrics, StringComparison.Ordinal);

        await bot.WaitForLogAsync("answered (initial response", Patience);
        var lines = JsonLogLines.Parse(bot.Error);
        var aboutIt = lines.Where(line => JsonLogLines.Stated(line, "InteractionId") == id).ToArray();
        Assert.Contains(aboutIt, line => JsonLogLines.Category(line).EndsWith("InteractionDispatcher", StringComparison.Ordinal));
        var callback = Assert.Single(lines, line => JsonLogLines.Stated(line, "Operation") == "create_interaction_response");
        Assert.All(aboutIt.Append(callback), line =>
        {
            Assert.Equal(id, JsonLogLines.Scoped(line, "InteractionId"));
            Assert.Equal("ask", JsonLogLines.Scoped(line, "Command"));
        });
    }

    [Fact]
    public async Task Live_turns_unhealthy_when_discord_stops_acknowledging_heartbeats_and_healthy_when_it_starts_again()
    {
        _discord.Gateway.HeartbeatIntervalMs = 500;
        var settings = Settings();
        settings["Observability__HeartbeatGrace"] = "00:00:00";
        await using var bot = BotProcess.Start(_work.FullPath, settings);
        await _probes.WaitForAsync("/healthz/ready", HttpStatusCode.OK, bot, 0, HttpStatusCode.ServiceUnavailable);
        await _discord.Gateway.WaitForAsync(g => g.Current.Sent.Any(frame => frame.Op == 11), "a heartbeat ACK", Patience);
        Assert.Equal(HttpStatusCode.OK, (await _probes.GetAsync("/healthz/live")).Status);

        _discord.Gateway.AcksHeartbeats = false;
        var dead = await _probes.WaitForAsync("/healthz/live", HttpStatusCode.ServiceUnavailable, bot, HttpStatusCode.OK);

        Assert.Equal("Unhealthy", ProbeClient.CheckStatus(dead, "gateway-heartbeat"));
        Assert.Equal("Healthy", ProbeClient.CheckStatus(dead, "workers"));
        var (_, metrics) = await _probes.GetAsync("/metrics");
        Assert.True(PrometheusText.Value(metrics, "bot_gateway_reconnects_total", ("reason", "zombie"), ("next", "resume")) >= 1, metrics);

        _discord.Gateway.AcksHeartbeats = true;
        await _probes.WaitForAsync("/healthz/live", HttpStatusCode.OK, bot, HttpStatusCode.ServiceUnavailable);
    }
}
