using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Tests.Observability;

/// <summary>What a load balancer, an orchestrator or Prometheus sees of a running bot: GETs to its probes and metrics.</summary>
internal sealed class ProbeClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;

    public ProbeClient(int port) =>
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

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
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            if (bot.HasExited)
                throw new InvalidOperationException($"The bot exited ({bot.ExitCode}) while {path} was expected to answer {(int)status}:\n{bot.Error}");
            var (got, body) = await GetAsync(path);
            if (got == status)
                return body;
            Assert.True(allowedOnTheWay.Contains(got), $"{path} answered {(int)got} before {(int)status}: {body}");
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{path} did not answer {(int)status} within {Patience}; last {(int)got}: {body}\n{bot.Error}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Scrapes /metrics until <paramref name="holds"/> says its text shows what the test waits for: the
    /// dispatcher records an interaction once it is done with it, and a scrape may come between two records.
    /// </summary>
    public async Task<string> ScrapeUntilAsync(BotProcess bot, string what, Func<string, bool> holds)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var (status, text) = await GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, status);
            if (holds(text))
                return text;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"/metrics did not show {what} within {Patience}:\n{text}\n{bot.Error}");
            await Task.Delay(20);
        }
    }

    /// <summary>A check's status in a probe's body (<c>checks.NAME.status</c>).</summary>
    public static string? CheckStatus(string body, string check) => (string?)JsonNode.Parse(body)?["checks"]?[check]?["status"];

    public void Dispose() => _http.Dispose();
}
