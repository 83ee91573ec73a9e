using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Local.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Bot.Testing;

namespace Bot.Discord.Local;

/// <summary>
/// A local Discord REST API: a real Kestrel server on 127.0.0.1 (random port) under <c>/api/v10</c>.
/// It records every request, answers the routes in <see cref="LocalDiscordRoutes"/> with realistic
/// JSON, checks <c>Authorization: Bot &lt;token&gt;</c> on bot routes, enforces per-bucket and global
/// rate limits with Discord's headers and 429s, and can be scripted (<see cref="Script"/>) or held
/// (<see cref="Hold"/>) per operation. The same app serves the gateway WebSocket (<see cref="Gateway"/>),
/// which <c>GET /gateway/bot</c> points to.
/// </summary>
public sealed partial class LocalDiscordServer : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v10";

    private readonly WebApplication _app;
    private readonly LocalDiscordRoutes _routes;
    private readonly FakeDiscordState _state;
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly ChangeSignal _changes = new();

    /// <summary>Raised each time a request is recorded or answered.</summary>
    public event Action? Changed
    {
        add => _changes.Notified += value;
        remove => _changes.Notified -= value;
    }
    private readonly List<(string Operation, ScriptedResponse Response)> _scripts = [];
    private readonly List<(string Operation, ResponseGate Gate)> _holds = [];
    private long _sequence;

    private LocalDiscordServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
        _state = new FakeDiscordState(time);
        _routes = new LocalDiscordRoutes(_state);
        RateLimits = new FakeRateLimits(time);
        Gateway = new LocalGateway(Token, time);
    }

    /// <summary>A token in Discord's format (base64 user id . timestamp . HMAC); made up.</summary>
    public string Token { get; } = "MTQ1OTUxNzEyODcwNDEzMTA3Mw.GxTest3.local-discord-test-token-9f8e7d6c5b4a";

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the fake server's instance surface, next to Token and the URL.")]
    public ulong ApplicationId => LocalDiscordRoutes.ApplicationId;

    /// <summary><c>http://127.0.0.1:port/api/v10</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public TimeProvider Time { get; }

    public FakeRateLimits RateLimits { get; }

    /// <summary>The gateway WebSocket at <c>ws://127.0.0.1:port/gateway</c>.</summary>
    public LocalGateway Gateway { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    public static async Task<LocalDiscordServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LocalDiscordServer(app, time ?? TimeProvider.System);
        app.UseWebSockets();
        app.Use((HttpContext context, RequestDelegate next) => LocalGateway.Handles(context.Request.Path) ? server.Gateway.HandleAsync(context) : next(context));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var root = app.Urls.Single().TrimEnd('/');
        server.BaseUrl = root + ApiPrefix;
        server.Gateway.Listen(root);
        return server;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string operation) =>
        Requests.Where(request => request.Operation == operation).ToArray();

    /// <summary>The next <paramref name="times"/> requests to <paramref name="operation"/> get <paramref name="response"/>.</summary>
    public void Script(string operation, ScriptedResponse response, int times = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _scripts.Add((operation, response));
            }
        }
    }

    /// <summary>The next request to <paramref name="operation"/> waits, after being recorded, until the gate is released.</summary>
    public ResponseGate Hold(string operation)
    {
        var gate = new ResponseGate();
        lock (_lock)
        {
            _holds.Add((operation, gate));
        }

        return gate;
    }

    /// <summary>A new interaction as Discord would deliver it now: its id (a snowflake of this instant) and token.</summary>
    public (ulong Id, string Token) NewInteraction()
    {
        var id = _state.NewSnowflake();
        return (id, "aW50ZXJhY3Rpb246" + id.ToString(CultureInfo.InvariantCulture) + "OnRva2Vu");
    }

    /// <summary>The bot lacks a permission in this channel (403 50013).</summary>
    public void DenyPermissionIn(ulong channelId)
    {
        lock (_state.Lock)
        {
            _state.ChannelsWithoutPermission.Add(channelId);
        }
    }

    /// <summary>The bot cannot see this channel (403 50001).</summary>
    public void HideChannel(ulong channelId)
    {
        lock (_state.Lock)
        {
            _state.HiddenChannels.Add(channelId);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests were recorded (bounded by <paramref name="timeout"/>, 10 s by default).</summary>
    public Task WaitForRequestsAsync(int count, string? operation = null, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => (operation is null ? Requests.Count : RequestsTo(operation).Count) >= count,
            $"{count} requests{(operation is null ? "" : " to " + operation)}",
            timeout);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking it each time a request is
    /// recorded or answered (bounded by <paramref name="timeout"/>, 10 s by default).
    /// </summary>
    public Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        _changes.WaitUntilAsync(condition, timeout ?? TimeSpan.FromSeconds(10), () => $"Timed out waiting for {what}; requests: {string.Join(", ", Requests)}");

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var (_, gate) in _holds)
            {
                gate.Release();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var rawPath = http.Path.HasValue ? http.Path.ToUriComponent() : "/";
        var record = new RecordedRequest
        {
            Sequence = Interlocked.Increment(ref _sequence),
            Method = http.Method,
            Path = rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? rawPath[ApiPrefix.Length..] : rawPath,
            Query = http.QueryString.Value ?? "",
            Headers = http.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ReceivedAt = Time.GetUtcNow(),
        };
        lock (_lock)
        {
            _requests.Add(record);
        }

        _changes.Notify();

        var (status, json, contentType, headers) = await AnswerAsync(record, http);
        var response = context.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        record.Status = status;
        record.RespondedAt = Time.GetUtcNow();
        record.ResponseSequence = Interlocked.Increment(ref _sequence);
        _changes.Notify();
        if (json is not null)
        {
            response.ContentType = contentType;
            await response.WriteAsync(json);
        }
    }

    private async Task<(int Status, string? Body, string ContentType, Dictionary<string, string> Headers)> AnswerAsync(RecordedRequest record, HttpRequest http)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!http.Path.StartsWithSegments(ApiPrefix))
            return (404, Json(404, 0, "404: Not Found"), "application/json", headers);

        var matches = _routes.All.Select(route => (Route: route, Match: route.Path.Match(record.Path))).Where(m => m.Match.Success).ToArray();
        var (route, match) = matches.FirstOrDefault(m => m.Route.Method == record.Method);
        if (route is null)
        {
            return matches.Length > 0
                ? (405, Json(405, 0, "405: Method Not Allowed"), "application/json", headers)
                : (404, Json(404, 0, "404: Not Found"), "application/json", headers);
        }

        record.Operation = route.Operation;
        await WaitIfHeldAsync(route.Operation);
        var script = TakeScript(route.Operation);
        var majorKey = route.MajorKey(match!);
        if (script is not null)
            return Scripted(script, route.Operation, majorKey, headers);

        if (route.BotAuth && http.Headers.Authorization.ToString() != "Bot " + Token)
            return (401, Json(401, 0, "401: Unauthorized"), "application/json", headers);

        if (ReadBody(record, http, headers, out var parsed) is { } invalid)
            return invalid;

        if (RateLimited(route, majorKey, headers) is { } limited)
            return limited;

        if (match!.Groups["webhook_token"] is { Success: true } webhookToken)
            await WaitForHttpAnswerAsync(Uri.UnescapeDataString(webhookToken.Value));

        var query = http.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var answer = route.Handle(new FakeRequest(match!, query, parsed));
        if (route.Operation == "get_bot_gateway" && answer is { Status: 200, Json: { } gatewayBot })
            answer = answer with { Json = Gateway.PointToSelf(gatewayBot) };

        return (answer.Status, answer.Json, "application/json", headers);
    }

    /// <summary>Waits while a test holds the operation's answer (<see cref="ResponseGate"/>); the hold is used once.</summary>
    private async Task WaitIfHeldAsync(string operation)
    {
        ResponseGate? gate;
        lock (_lock)
        {
            var held = _holds.FindIndex(hold => hold.Operation == operation);
            gate = held >= 0 ? _holds[held].Gate : null;
            if (held >= 0)
                _holds.RemoveAt(held);
        }

        if (gate is not null)
        {
            gate.SignalArrived();
            await gate.Released;
        }
    }

    /// <summary>The first scripted answer for the operation, taken (used once), if any.</summary>
    private ScriptedResponse? TakeScript(string operation)
    {
        ScriptedResponse? script;
        lock (_lock)
        {
            var scripted = _scripts.FindIndex(s => s.Operation == operation);
            script = scripted >= 0 ? _scripts[scripted].Response : null;
            if (scripted >= 0)
                _scripts.RemoveAt(scripted);
        }

        return script;
    }

    /// <summary>The scripted answer, with the route's bucket headers if it asks for them (without taking from the bucket).</summary>
    private (int Status, string? Body, string ContentType, Dictionary<string, string> Headers) Scripted(ScriptedResponse script, string operation, string majorKey, Dictionary<string, string> headers)
    {
        if (script.WithBucketHeaders)
        {
            foreach (var (name, value) in RateLimits.Peek(operation, majorKey))
            {
                headers[name] = value;
            }
        }

        foreach (var (name, value) in script.Headers)
        {
            headers[name] = value;
        }

        return (script.Status, script.Body, script.ContentType, headers);
    }

    /// <summary>Parses the JSON body, if any, into <paramref name="parsed"/>; the 400 Discord answers a body it cannot read with, or null.</summary>
    private static (int Status, string? Body, string ContentType, Dictionary<string, string> Headers)? ReadBody(RecordedRequest record, HttpRequest http, Dictionary<string, string> headers, out JsonNode? parsed)
    {
        parsed = null;
        if (record.Body.Length > 0)
        {
            if (http.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
                return (400, Json(400, 50035, "Invalid Form Body"), "application/json", headers);

            try
            {
                parsed = JsonNode.Parse(record.Body);
            }
            catch (JsonException)
            {
                return (400, Json(400, 50109, "The request body contains invalid JSON."), "application/json", headers);
            }
        }

        return null;
    }

    /// <summary>Takes from the global and the route's bucket (their headers go into <paramref name="headers"/>); the 429 if either is spent, or null.</summary>
    private (int Status, string? Body, string ContentType, Dictionary<string, string> Headers)? RateLimited(FakeRoute route, string majorKey, Dictionary<string, string> headers)
    {
        if (route.BotAuth && RateLimits.TakeGlobal() is { } globalWait)
        {
            var seconds = Math.Max(0.001, globalWait.TotalSeconds);
            headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Global"] = "true";
            headers["X-RateLimit-Scope"] = "global";
            return (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = seconds, ["global"] = true }.ToJsonString(), "application/json", headers);
        }

        var (bucketHeaders, exceeded) = RateLimits.Take(route.Operation, majorKey);
        foreach (var (name, value) in bucketHeaders)
        {
            headers[name] = value;
        }

        if (exceeded)
        {
            var retryAfter = double.Parse(bucketHeaders["X-RateLimit-Reset-After"], CultureInfo.InvariantCulture);
            return (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = false }.ToJsonString(), "application/json", headers);
        }

        return null;
    }

    /// <summary>Outside the state lock: the route handlers that follow take it.</summary>
    private async Task WaitForHttpAnswerAsync(string token)
    {
        Task? answered;
        lock (_state.Lock)
        {
            answered = _state.HttpDeliveries.TryGetValue(token, out var delivery) ? delivery.Task : null;
        }

        if (answered is not null)
            await answered.WaitAsync(HttpAnswerWait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static string Json(int status, int code, string message) =>
        new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString();
}
