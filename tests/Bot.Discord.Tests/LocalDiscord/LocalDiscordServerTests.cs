using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Local.OpenApi;

namespace Bot.Discord.Tests.LocalDiscord;

using Bot.Discord.Local;

/// <summary>The local Discord behaves as the real one where the client depends on it.</summary>
public sealed class LocalDiscordServerTests : IAsyncLifetime
{
    private LocalDiscordServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await LocalDiscordServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task It_listens_on_loopback_under_api_v10()
    {
        Assert.StartsWith("http://127.0.0.1:", _server.BaseUrl);
        Assert.EndsWith("/api/v10", _server.BaseUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(_server.BaseUrl + "/nothing/here")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _http.DeleteAsync(_server.BaseUrl + "/gateway/bot")).StatusCode);
    }

    [Fact]
    public async Task Bot_routes_refuse_a_missing_or_wrong_token()
    {
        var missing = await _http.GetAsync(_server.BaseUrl + "/gateway/bot");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/gateway/bot") { Headers = { { "Authorization", "Bot nope" } } };

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(wrong)).StatusCode);
        Assert.Equal("""{"message":"401: Unauthorized","code":0}""", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_carry_rate_limit_headers_and_a_request_past_the_limit_gets_a_429()
    {
        _server.RateLimits.Set("create_message", 2, TimeSpan.FromSeconds(30));
        HttpResponseMessage? last = null;
        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _server.BaseUrl + "/channels/9/messages")
            {
                Headers = { { "Authorization", "Bot " + _server.Token } },
                Content = new StringContent("""{"content":"hi"}""", Encoding.UTF8, "application/json"),
            };
            last = await _http.SendAsync(request);
            remaining.Add(last.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.Equal(FakeRateLimits.BucketId("create_message"), last.Headers.GetValues("X-RateLimit-Bucket").Single());
        }

        Assert.Equal(["1", "0", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("user", last.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.Contains("\"retry_after\":", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.BaseUrl + "/channels/9/messages")
        {
            Headers = { { "Authorization", "Bot " + _server.Token } },
            Content = new StringContent("content=hi", Encoding.UTF8, "text/plain"),
        };

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Scripted_answers_replace_the_normal_one_once()
    {
        _server.Script("get_bot_gateway", LocalDiscordResponses.RateLimited("global", 1.5));
        using var first = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/gateway/bot") { Headers = { { "Authorization", "Bot " + _server.Token } } };
        using var second = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/gateway/bot") { Headers = { { "Authorization", "Bot " + _server.Token } } };

        var limited = await _http.SendAsync(first);
        var normal = await _http.SendAsync(second);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("true", limited.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("2", limited.Headers.GetValues("Retry-After").Single());
        Assert.Contains("\"retry_after\":1.5", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal(["get_bot_gateway", "get_bot_gateway"], _server.Requests.Select(r => r.Operation ?? "").ToArray());
    }

    [Fact]
    public async Task A_command_list_returns_what_was_put_with_discords_fields_in_the_shape_its_description_gives()
    {
        var commands = FixtureFiles.Read("application_command_blep.json");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{_server.BaseUrl}/applications/{_server.ApplicationId}/commands")
        {
            Headers = { { "Authorization", "Bot " + _server.Token } },
            Content = new StringContent($"[{commands}]", Encoding.UTF8, "application/json"),
        };
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(put)).StatusCode);
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{_server.BaseUrl}/applications/{_server.ApplicationId}/commands")
        {
            Headers = { { "Authorization", "Bot " + _server.Token } },
        };

        var listed = await (await _http.SendAsync(get)).Content.ReadAsStringAsync();

        var blep = JsonNode.Parse(listed)!.AsArray().Single()!;
        Assert.Equal("blep", (string?)blep["name"]);
        Assert.NotNull((string?)blep["id"]);
        Assert.NotNull((string?)blep["version"]);
        Assert.Equal(_server.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)blep["application_id"]);
        var options = blep["options"]!.AsArray();
        Assert.Equal(3, options[0]!["choices"]!.AsArray().Count);
        Assert.True((bool)options[0]!["required"]!);
        Assert.False(options[1]!.AsObject().ContainsKey("required")); // Discord leaves out a false "required"
        var schema = OpenApiDescription.Root.GetProperty("paths").GetProperty("/applications/{application_id}/commands")
            .GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var document = JsonDocument.Parse(listed);
        Assert.Empty(new JsonSchemaSubsetValidator(OpenApiDescription.Root) { IntegerAsStringMembers = new HashSet<string> { "default_member_permissions" } }.Validate(document.RootElement, schema));
    }
}
