using Bot.Discord.Diagnostics;
using Bot.Discord.Local;
using Bot.Discord.Rest;
using Bot.Discord.Rest.RateLimits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Rest;

/// <summary>A <see cref="DiscordRestClient"/> talking to a fresh <see cref="LocalDiscordServer"/>, with captured logs.</summary>
internal sealed class RestHarness : IAsyncDisposable
{
    private readonly HttpClient _http;

    private RestHarness(
        LocalDiscordServer server, HttpClient http, DiscordRestClient client, RestRateLimiter limiter, CapturingLogger<DiscordRestClient> logs, TimeProvider time, TestMeters meters, DiscordMetrics metrics)
    {
        Meters = meters;
        Metrics = metrics;
        Server = server;
        _http = http;
        Client = client;
        Limiter = limiter;
        Logs = logs;
        Time = time;
    }

    public LocalDiscordServer Server { get; }

    public DiscordRestClient Client { get; }

    public RestRateLimiter Limiter { get; }

    public CapturingLogger<DiscordRestClient> Logs { get; }

    public TimeProvider Time { get; }

    /// <summary>This harness's own meters: what its client (and a dispatcher given <see cref="Metrics"/>) records.</summary>
    public TestMeters Meters { get; }

    public DiscordMetrics Metrics { get; }

    /// <summary>The fake clock, when the harness was started with one.</summary>
    public FakeTimeProvider FakeTime => Time as FakeTimeProvider ?? throw new InvalidOperationException("This harness runs on real time.");

    /// <summary>
    /// Starts a server and a client. With <paramref name="time"/> a <see cref="FakeTimeProvider"/>, client and
    /// server share it. Back-offs are short so real-time tests stay fast.
    /// </summary>
    public static async Task<RestHarness> StartAsync(TimeProvider? time = null, Action<DiscordOptions>? configure = null, TimeSpan? httpTimeout = null)
    {
        time ??= TimeProvider.System;
        var server = await LocalDiscordServer.StartAsync(time);
        var options = new DiscordOptions
        {
            ApiBaseUrl = server.BaseUrl,
            Token = server.Token,
            UserAgent = "DiscordBot (https://example.org/beyond-utopia-bot, 1.0) tests",
            ServerErrorBackoff = TimeSpan.FromMilliseconds(10),
            MaxServerErrorBackoff = TimeSpan.FromMilliseconds(40),
        };
        configure?.Invoke(options);
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        var limiter = new RestRateLimiter(time, options.GlobalRequestsPerSecond);
        var logs = new CapturingLogger<DiscordRestClient>();
        var meters = new TestMeters();
        var metrics = new DiscordMetrics(meters);
        var client = new DiscordRestClient(http, Options.Create(options), limiter, time, logs, metrics);
        return new RestHarness(server, http, client, limiter, logs, time, meters, metrics);
    }

    /// <summary>Moves the fake clock in steps until <paramref name="task"/> completes; returns how far it moved.</summary>
    public Task<TimeSpan> AdvanceUntilAsync(Task task, TimeSpan step, TimeSpan? limit = null) =>
        AdvanceUntilAsync(Time, Server, task, step, limit ?? TimeSpan.FromHours(1));

    /// <summary>Steps <paramref name="time"/> until <paramref name="task"/> completes, a request answered by <paramref name="server"/> counting as progress.</summary>
    internal static async Task<TimeSpan> AdvanceUntilAsync(TimeProvider time, LocalDiscordServer server, Task task, TimeSpan step, TimeSpan limit)
    {
        var stepped = time as SteppedFakeTime ?? throw new InvalidOperationException("Stepping the clock needs the harness started with a SteppedFakeTime.");
        // The client reacts to an answer without a timer: the wait after a step must see it.
        server.Changed += stepped.Nudge;
        try
        {
            return await stepped.AdvanceUntilAsync(task, step, limit,
                () => "requests: " + string.Join(", ", server.Requests), () => server.Requests.Count(r => r.Status is not null));
        }
        finally
        {
            server.Changed -= stepped.Nudge;
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests wait in the limiter's buckets, re-checking each time one starts or stops waiting.</summary>
    public Task WaitingAsync(int count) =>
        ChangeSignal.WaitUntilAsync(
            h => Limiter.WaitingChanged += h, h => Limiter.WaitingChanged -= h, () => Limiter.Waiting == count, TimeSpan.FromSeconds(15), () => $"{count} requests never waited in a bucket");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        Meters.Dispose();
        await Server.DisposeAsync();
    }
}
