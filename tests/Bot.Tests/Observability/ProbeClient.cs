using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Tests.Observability;

/// <summary>What a load balancer, an orchestrator or Prometheus sees of a running bot: GETs to its probes and metrics.</summary>
internal sealed class ProbeClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly Bot.Discord.Local.Gateway.LocalGateway? _gateway;

    /// <param name="gateway">The local gateway the bot is connected to, whose frames are news worth probing again on; none in HTTP mode.</param>
    public ProbeClient(int port, Bot.Discord.Local.Gateway.LocalGateway? gateway = null)
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        _gateway = gateway;
    }

    /// <summary>The status (0 when nothing listens yet) and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return (0, "");
        }
    }

    /// <summary>
    /// Asks <paramref name="path"/> until it answers <paramref name="status"/> and returns that answer's body;
    /// every answer on the way must be one of <paramref name="allowedOnTheWay"/> (0: nothing listening yet).
    /// </summary>
    public async Task<string> WaitForAsync(string path, HttpStatusCode status, BotProcess bot, params HttpStatusCode[] allowedOnTheWay)
    {
        var (_, body) = await AskUntilAsync(path, bot, $"{path} to answer {(int)status}", (got, text) =>
        {
            Assert.True(got == status || allowedOnTheWay.Contains(got), $"{path} answered {(int)got} before {(int)status}: {text}");
            return got == status;
        });
        return body;
    }

    /// <summary>
    /// Scrapes /metrics until <paramref name="holds"/> says its text shows what the test waits for: the
    /// dispatcher records an interaction once it is done with it, and a scrape may come between two records.
    /// </summary>
    public async Task<string> ScrapeUntilAsync(BotProcess bot, string what, Func<string, bool> holds)
    {
        var (_, text) = await AskUntilAsync("/metrics", bot, $"/metrics to show {what}", (status, body) =>
        {
            Assert.Equal(HttpStatusCode.OK, status);
            return holds(body);
        });
        return text;
    }

    /// <summary>
    /// Asks <paramref name="path"/> again each time something happens that could change its answer —
    /// the bot writes a log line (it logs "Knowledge ready", a gateway session, every interaction done
    /// after its metrics are counted) or the local gateway gets a frame (a heartbeat: time passing for
    /// the bot) — never on a timer. <see cref="Patience"/> bounds only a failing wait.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body)> AskUntilAsync(string path, BotProcess bot, string what, Func<HttpStatusCode, string, bool> done)
    {
        var changed = new ChangeSignal();
        bot.Changed += changed.Notify;
        if (_gateway is not null)
            _gateway.StateChanged += changed.Notify;
        try
        {
            (HttpStatusCode Status, string Body) last = default;
            await changed.WaitUntilAsync(
                async () =>
                {
                    if (bot.HasExited)
                        throw new InvalidOperationException($"The bot exited ({bot.ExitCode}) while waiting for {what}:\n{bot.Error}");
                    last = await GetAsync(path);
                    return done(last.Status, last.Body);
                },
                Patience,
                () => $"Timed out waiting for {what}; last {(int)last.Status}: {last.Body}\n{bot.Error}");
            return last;
        }
        finally
        {
            bot.Changed -= changed.Notify;
            if (_gateway is not null)
                _gateway.StateChanged -= changed.Notify;
        }
    }

    /// <summary>A check's status in a probe's body (<c>checks.NAME.status</c>).</summary>
    public static string? CheckStatus(string body, string check) => (string?)JsonNode.Parse(body)?["checks"]?[check]?["status"];

    public void Dispose() => _http.Dispose();
}
