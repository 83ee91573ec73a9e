using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Local.Logging;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace Bot.Discord.Http.Tests;

/// <summary>
/// The endpoint on a real Kestrel at 127.0.0.1 (random port), with a freshly generated Ed25519 key whose
/// public half is the configured <c>Discord:PublicKey</c>, and an HttpClient to sign and send requests.
/// By default a fake dispatcher answers every interaction with a message; give a handler and a local
/// Discord to run the real <see cref="InteractionDispatcher"/> instead.
/// </summary>
internal sealed class EndpointHarness : IAsyncDisposable
{
    public const string Path = "/interactions";

    private readonly WebApplication _app;
    private int _dispatched;
    private bool _stopped;

    private EndpointHarness(WebApplication app, Key key, TimeProvider time, CapturingLoggerProvider logs, SwitchableReadiness readiness)
    {
        _app = app;
        Key = key;
        Time = time;
        Logs = logs;
        Readiness = readiness;
        BaseUrl = app.Urls.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The key whose public half the endpoint trusts.</summary>
    public Key Key { get; }

    public TimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public SwitchableReadiness Readiness { get; }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Interactions the default fake dispatcher was handed.</summary>
    public int Dispatched => Volatile.Read(ref _dispatched);

    public static async Task<EndpointHarness> StartAsync(Action<HarnessSettings>? configure = null)
    {
        var settings = new HarnessSettings();
        configure?.Invoke(settings);
        var key = settings.Key ?? Key.Create(SignatureAlgorithm.Ed25519);
        var logs = new CapturingLoggerProvider();
        var readiness = new SwitchableReadiness { IsReady = settings.Ready };

        var builder = WebApplication.CreateSlimBuilder();
        Configure(builder, settings, key, logs, readiness);

        EndpointHarness? harness = null;
        if (settings.Handler is { } handler)
        {
            AddRealDispatcher(builder, settings, handler);
        }
        else
        {
            var dispatch = settings.Dispatch ?? ((incoming, responder, cancellationToken) =>
            {
                Interlocked.Increment(ref harness!._dispatched);
                return responder.RespondAsync(
                    incoming.Interaction,
                    InteractionResponse.ChannelMessage(new InteractionCallbackData { Content = "dispatched" }), returnMessage: false, cancellationToken);
            });
            builder.Services.AddSingleton<InteractionDispatch>(dispatch);
        }

        var app = builder.Build();
        try
        {
            app.MapDiscordInteractions();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            key.Dispose();
            throw;
        }

        harness = new EndpointHarness(app, key, settings.Time, logs, readiness);
        return harness;
    }

    /// <summary>Logging into <paramref name="logs"/>, the configuration (the key's public half and the settings' entries) and the endpoint's services.</summary>
    private static void Configure(WebApplicationBuilder builder, HarnessSettings settings, Key key, CapturingLoggerProvider logs, SwitchableReadiness readiness)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var config = new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        };
        foreach (var (name, value) in settings.Config)
        {
            config[name] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        if (settings.ShutdownTimeout is { } shutdownTimeout)
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdownTimeout);

        builder.Services.AddSingleton(settings.Time);
        builder.Services.AddSingleton<IReadinessCheck>(readiness);
        builder.Services.AddDiscordHttpInteractions(builder.Configuration);
    }

    /// <summary>The real dispatcher, answering through the local Discord with <paramref name="handler"/>.</summary>
    private static void AddRealDispatcher(WebApplicationBuilder builder, HarnessSettings settings, IInteractionHandler handler)
    {
        var discord = settings.Discord ?? throw new InvalidOperationException("The real dispatcher needs a local Discord.");
        builder.Services.AddDiscordInteractions(builder.Configuration);
        builder.Services.AddDiscordRest(options =>
        {
            options.ApiBaseUrl = discord.BaseUrl;
            options.Token = discord.Token;
        });
        builder.Services.AddSingleton(handler);
    }

    /// <summary>The clock's now as Discord writes it in <c>X-Signature-Timestamp</c>.</summary>
    public string Timestamp(TimeSpan offset = default) =>
        (Time.GetUtcNow() + offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(Key key, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    /// <summary>A POST with exactly these bytes and header values (null leaves a header out).</summary>
    public static HttpRequestMessage Request(byte[] body, string? timestamp, string? signature, string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);

        if (timestamp is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);

        return request;
    }

    /// <summary>A request signed as Discord would sign it: now, with the trusted key.</summary>
    public HttpRequestMessage Signed(string body, TimeSpan offset = default, Key? key = null, string path = Path)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = Timestamp(offset);
        return Request(bytes, timestamp, Sign(key ?? Key, timestamp, bytes), path);
    }

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, body, response.Content.Headers.ContentType?.ToString());
        }
    }

    /// <summary>Stops the host the way a shutdown does (drains in-flight dispatches).</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_stopped)
            await _app.StopAsync();

        await _app.DisposeAsync();
        Key.Dispose();
    }
}

internal sealed class HarnessSettings
{
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The key the endpoint trusts; a new one when null.</summary>
    public Key? Key { get; set; }

    /// <summary>Extra or overriding configuration (<c>Discord:…</c>).</summary>
    public Dictionary<string, string?> Config { get; } = [];

    /// <summary>Stands in for the dispatcher; when null (and no <see cref="Handler"/>), every interaction gets a message.</summary>
    internal InteractionDispatch? Dispatch { get; set; }

    /// <summary>With <see cref="Discord"/>: run the real dispatcher with this handler.</summary>
    public IInteractionHandler? Handler { get; set; }

    public LocalDiscordServer? Discord { get; set; }

    public bool Ready { get; set; } = true;

    public TimeSpan? ShutdownTimeout { get; set; }
}

internal sealed class SwitchableReadiness : IReadinessCheck
{
    private volatile bool _ready;

    public bool IsReady
    {
        get => _ready;
        set => _ready = value;
    }
}

internal sealed record Answer(HttpStatusCode Status, string Body, string? ContentType);
