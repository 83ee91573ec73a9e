using System.Globalization;
using System.Net;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Tests.Discord;

namespace Bot.Tests.Observability;

/// <summary>
/// The real executable as an HTTP interactions endpoint: the probes and /metrics on <c>Discord:HttpUrls</c>
/// (and on <c>Observability:Urls</c> too when set), and a listener setting that cannot work refused at start.
/// </summary>
public sealed class HttpObservabilityTests : IAsyncLifetime
{
    private readonly TempFolder _work = new();
    private readonly int _port = LocalPorts.Free();
    private LocalDiscordServer _discord = null!;
    private HttpDelivery _delivery = null!;
    private ProbeClient _probes = null!;

    public async Task InitializeAsync()
    {
        _discord = await LocalDiscordServer.StartAsync();
        _delivery = new HttpDelivery(_discord, new Uri($"http://127.0.0.1:{_port}/interactions"));
        _probes = new ProbeClient(_port);
    }

    public async Task DisposeAsync()
    {
        _probes.Dispose();
        _delivery.Dispose();
        await _discord.DisposeAsync();
        _work.Dispose();
    }

    private Dictionary<string, string?> Settings() => BotSettings.Http(_discord, _delivery, _port, _work.Combine("data"));

    [Fact]
    public async Task Probes_and_metrics_are_served_on_the_interactions_listener_and_one_ask_shows_in_both_listeners_metrics()
    {
        var observabilityPort = LocalPorts.Free();
        using var observability = new ProbeClient(observabilityPort);
        var settings = Settings();
        settings["Observability__Urls"] = $"http://127.0.0.1:{observabilityPort}";
        settings["Logging__Console__FormatterName"] = "json";
        settings["Logging__LogLevel__Bot"] = "Debug";
        await using var bot = BotProcess.Start(_work.FullPath, settings);

        var ready = await _probes.WaitForAsync("/healthz/ready", HttpStatusCode.OK, bot, 0, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Healthy", ProbeClient.CheckStatus(ready, "knowledge"));
        Assert.Equal("Healthy", ProbeClient.CheckStatus(ready, "http-endpoint"));
        var (liveStatus, live) = await _probes.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Null(ProbeClient.CheckStatus(live, "gateway-heartbeat")); // no gateway in this mode
        Assert.Equal(HttpStatusCode.OK, (await observability.GetAsync("/healthz/ready")).Status);

        var answer = await _delivery.DeliverAsync(InteractionPayloads.SlashCommand(_discord, "ask", [("question", "Who directed Beyond Utopia?")]));
        Assert.True(answer is { Status: 200 } && answer.ResponseType() == 4, $"expected a message (type 4): {answer}\n{bot.Error}");

        foreach (var listener in new[] { _probes, observability })
        {
            var metrics = await listener.ScrapeUntilAsync(bot, "the answered /ask and its latency", text =>
                PrometheusText.Value(text, "bot_interactions_total", ("command", "ask"), ("outcome", "answered")) == 1
                && PrometheusText.Value(text, "bot_answer_duration_seconds_count", ("command", "ask")) == 1);
            Assert.Null(PrometheusText.Value(metrics, "bot_gateway_sessions_total"));
        }

        var id = answer.InteractionId.ToString(CultureInfo.InvariantCulture);
        var lines = JsonLogLines.Parse(bot.Error);
        var aboutIt = lines.Where(line => JsonLogLines.Stated(line, "InteractionId") == id).ToArray();
        Assert.Contains(aboutIt, line => JsonLogLines.Category(line).EndsWith("InteractionsEndpoint", StringComparison.Ordinal));
        Assert.Contains(aboutIt, line => JsonLogLines.Category(line).EndsWith("InteractionDispatcher", StringComparison.Ordinal));
        Assert.All(aboutIt, line =>
        {
            Assert.Equal(id, JsonLogLines.Scoped(line, "InteractionId"));
            Assert.Equal("ask", JsonLogLines.Scoped(line, "Command"));
        });
    }

    [Fact]
    public async Task The_same_port_for_both_listeners_stops_the_start_with_a_message_naming_both_settings()
    {
        var settings = Settings();
        settings["Observability__Urls"] = $"http://0.0.0.0:{_port}";

        var bot = await BotProcess.RunAsync(_work.FullPath, settings);

        Assert.Equal(2, bot.ExitCode);
        Assert.Contains($"error: Observability:Urls and Discord:HttpUrls both listen on port {_port}", bot.Error, StringComparison.Ordinal);
        Assert.Empty(_discord.Requests);
    }
}
