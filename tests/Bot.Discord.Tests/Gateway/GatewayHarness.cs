using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Local.Gateway;
using Bot.Discord.Local.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// A host running the real <see cref="GatewayClient"/> (registered with <c>AddDiscordGateway</c>) against a fresh
/// <see cref="LocalDiscordServer"/>, with every log captured. Waits are short so real-time scenarios stay fast;
/// with a <see cref="FakeTimeProvider"/>, client and server share it and only the test moves the clock.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string UserAgent = "DiscordBot (https://example.org/beyond-utopia-bot, 1.0) gateway-tests";

    /// <summary>Test timings: short enough for real-time scenarios, and the waits that must not fire under a fake clock are long.</summary>
    public static readonly Action<DiscordOptions> FastTimings = options =>
    {
        options.ReconnectDelay = TimeSpan.FromMilliseconds(20);
        options.MaxReconnectDelay = TimeSpan.FromMilliseconds(320);
        options.MinInvalidSessionDelay = TimeSpan.FromMilliseconds(100);
        options.MaxInvalidSessionDelay = TimeSpan.FromMilliseconds(200);
        options.CloseTimeout = TimeSpan.FromSeconds(30);
        options.HelloTimeout = TimeSpan.FromSeconds(30);
    };

    private bool _started;

    private GatewayHarness(LocalDiscordServer server, IHost host, CapturingLoggerProvider logs, TimeProvider time)
    {
        Server = server;
        Host = host;
        Logs = logs;
        Time = time;
        Queue = host.Services.GetRequiredService<InteractionQueue>();
        Lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
    }

    public LocalDiscordServer Server { get; }

    public LocalGateway Gateway => Server.Gateway;

    public IHost Host { get; }

    /// <summary>Resolved on first use: resolving it reads (and validates) the options.</summary>
    public GatewayClient Client => Host.Services.GetRequiredService<GatewayClient>();

    public InteractionQueue Queue { get; }

    public IHostApplicationLifetime Lifetime { get; }

    public CapturingLoggerProvider Logs { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => Time as FakeTimeProvider ?? throw new InvalidOperationException("This harness runs on real time.");

    /// <summary>
    /// Builds the server and the host; starts the host unless <paramref name="start"/> is false.
    /// </summary>
    /// <param name="heartbeatIntervalMs">HELLO's interval. Long by default, so heartbeats stay out of scenarios about something else.</param>
    /// <param name="time">A fake clock shared by client and server; real time when null.</param>
    /// <param name="jitter">Pins heartbeat and back-off jitter.</param>
    /// <param name="settings">Extra or replaced <c>Discord:*</c> settings, given the server (a null value removes one).</param>
    /// <param name="queueCapacity">Of the interaction queue.</param>
    /// <param name="start">Start the host now.</param>
    /// <param name="handler">With one, the whole gateway path runs: the workers take what the gateway queues and answer through the dispatcher and REST.</param>
    public static async Task<GatewayHarness> StartAsync(
        int heartbeatIntervalMs = 30_000,
        FakeTimeProvider? time = null,
        double jitter = 0.5,
        Func<LocalDiscordServer, IReadOnlyDictionary<string, string?>>? settings = null,
        int queueCapacity = InteractionQueue.DefaultCapacity,
        bool start = true,
        IInteractionHandler? handler = null)
    {
        var clock = (TimeProvider?)time ?? TimeProvider.System;
        var server = await LocalDiscordServer.StartAsync(clock);
        server.Gateway.HeartbeatIntervalMs = heartbeatIntervalMs;

        var configuration = new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Token,
            ["Discord:ApiBaseUrl"] = server.BaseUrl,
            ["Discord:UserAgent"] = UserAgent,
        };
        foreach (var (key, value) in settings?.Invoke(server) ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration.Where(pair => pair.Value is not null));
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        if (time is not null)
            builder.Services.AddSingleton<TimeProvider>(time);

        builder.Services.AddSingleton(new InteractionQueue(queueCapacity));
        builder.Services.AddDiscordGateway(builder.Configuration);
        if (handler is not null)
        {
            builder.Services.AddSingleton(handler);
            builder.Services.AddDiscordInteractions(builder.Configuration);
        }

        builder.Services.Configure<DiscordOptions>(options =>
        {
            FastTimings(options);
            options.Random = new FixedRandom(jitter);
        });

        var harness = new GatewayHarness(server, builder.Build(), logs, clock);
        if (start)
            await harness.StartHostAsync();

        return harness;
    }

    public async Task StartHostAsync()
    {
        await Host.StartAsync();
        _started = true;
    }

    /// <summary>INTERACTION_CREATE's <c>d</c> from the fixture, with a fresh id and token.</summary>
    public string NewInteractionJson(out ulong id, string? titleOption = null)
    {
        var (newId, token) = Server.NewInteraction();
        id = newId;
        var data = JsonNode.Parse(FixtureFiles.Read("gateway_interaction_create.json"))!["d"]!;
        data["id"] = newId.ToString(CultureInfo.InvariantCulture);
        data["token"] = token;
        if (titleOption is not null)
            data["data"]!["options"]![0]!["options"]![0]!["value"] = titleOption;

        return data.ToJsonString();
    }

    /// <summary>The next interaction the gateway queued (real time, bounded).</summary>
    public async Task<IncomingInteraction> ReadInteractionAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await Queue.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No interaction was queued. Connections:\n{string.Join("\n", Gateway.Connections)}\nLogs:\n{Logs.AllText}");
        }
    }

    /// <summary>Waits until the current session's client got READY or RESUMED and handled it: an interaction sent now arrives after it.</summary>
    public async Task<IncomingInteraction> RoundTripInteractionAsync()
    {
        await Gateway.WaitForAsync(
            gateway => gateway.CurrentSessionId is not null
                && gateway.Connections.LastOrDefault(c => c.IsOpen) is { } open
                && open.Sent.Any(frame => frame.T is "READY" or "RESUMED"),
            "READY or RESUMED");
        var json = NewInteractionJson(out var id);
        await Gateway.DispatchInteractionAsync(json);
        var incoming = await ReadInteractionAsync();
        Assert.Equal(id, incoming.Interaction.Id);

        // The receive loop counts a dispatch just after handing it over: wait for that too, so the
        // next heartbeat carries this interaction's sequence number.
        var dispatched = Gateway.Current.Sent.Select(f => (int?)System.Text.Json.Nodes.JsonNode.Parse(f.Json)?["s"]).Last(s => s is not null);
        await ChangeSignal.WaitUntilAsync(
            h => Client.SequenceObserved += h,
            h => Client.SequenceObserved -= h,
            () => Client.LastSequence == dispatched,
            TimeSpan.FromSeconds(10),
            () => $"the client never counted sequence {dispatched} (it has {Client.LastSequence})");

        return incoming;
    }

    /// <summary>Waits (real time, bounded) for the client's background loop to end.</summary>
    public Task WaitForClientToEndAsync() => Client.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Host.StopAsync(stopping.Token);
        }

        Host.Dispose();
        await Server.DisposeAsync();
    }
}
