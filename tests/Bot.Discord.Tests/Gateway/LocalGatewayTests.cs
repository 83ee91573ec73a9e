using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Local;

namespace Bot.Discord.Tests.Gateway;

/// <summary>The local gateway answers a raw WebSocket as Discord does where the client depends on it.</summary>
public sealed class LocalGatewayTests : IAsyncLifetime
{
    private LocalDiscordServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalDiscordServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_gateway_bot_points_to_the_local_websocket()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/gateway/bot") { Headers = { { "Authorization", "Bot " + _server.Token } } };

        var body = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;

        Assert.Equal(_server.Gateway.Url, (string?)body["url"]);
        Assert.StartsWith("ws://127.0.0.1:", _server.Gateway.Url);
        Assert.EndsWith("/gateway", _server.Gateway.Url);
    }

    [Fact]
    public async Task Hello_then_ready_then_heartbeat_acks()
    {
        using var socket = await ConnectAsync();

        var hello = await ReceiveAsync(socket);
        await SendAsync(socket, Identify(_server.Token));
        var ready = await ReceiveAsync(socket);
        await SendAsync(socket, new JsonObject { ["op"] = 1, ["d"] = 1 });
        var ack = await ReceiveAsync(socket);

        Assert.Equal(10, (int?)hello["op"]);
        Assert.Equal(41250, (int?)hello["d"]!["heartbeat_interval"]);
        Assert.Equal("READY", (string?)ready["t"]);
        Assert.Equal(1, (int?)ready["s"]);
        Assert.Equal(_server.Gateway.ResumeUrl, (string?)ready["d"]!["resume_gateway_url"]);
        Assert.Equal(_server.Gateway.CurrentSessionId, (string?)ready["d"]!["session_id"]);
        Assert.Equal("""{"op":11}""", ack.ToJsonString());
        Assert.Empty(_server.Gateway.ProtocolErrors);
    }

    [Fact]
    public async Task A_wrong_token_is_closed_with_4004()
    {
        using var socket = await ConnectAsync();
        await ReceiveAsync(socket);

        await SendAsync(socket, Identify("nope"));

        Assert.Equal(4004, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task Resuming_an_unknown_session_gets_invalid_session_false()
    {
        using var socket = await ConnectAsync();
        await ReceiveAsync(socket);

        await SendAsync(socket, new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _server.Token, ["session_id"] = "unknown", ["seq"] = 3 } });

        Assert.Equal("""{"op":9,"d":false}""", (await ReceiveAsync(socket)).ToJsonString());
    }

    [Fact]
    public async Task An_identify_unlike_the_documented_one_is_a_decode_error()
    {
        using var socket = await ConnectAsync();
        await ReceiveAsync(socket);
        var identify = Identify(_server.Token);
        identify["d"]!["intents"] = "0";
        identify["d"]!["extra"] = true;

        await SendAsync(socket, identify);

        Assert.Equal(4002, await ReceiveCloseAsync(socket));
        var error = Assert.Single(_server.Gateway.ProtocolErrors);
        Assert.Contains("d.intents is String, expected Number", error);
        Assert.Contains("d.extra is not a documented field", error);
    }

    [Fact]
    public async Task Another_api_version_is_closed_with_4012()
    {
        using var socket = await ConnectAsync("?v=9&encoding=json");

        Assert.Equal(4012, await ReceiveCloseAsync(socket));
    }

    private static JsonObject Identify(string token) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = 0,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
        },
    };

    private async Task<ClientWebSocket> ConnectAsync(string query = "?v=10&encoding=json")
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(_server.Gateway.Url + query), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, JsonNode frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            length += result.Count;
            if (result.EndOfMessage)
                return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
        }
    }

    private static async Task<int?> ReceiveCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while ((await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        return (int?)socket.CloseStatus;
    }
}
