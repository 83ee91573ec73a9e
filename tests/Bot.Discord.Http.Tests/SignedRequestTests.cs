using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Discord.Local;
using NSec.Cryptography;

namespace Bot.Discord.Http.Tests;

/// <summary>What Discord (or anyone else) gets back for each kind of request, signed or not.</summary>
public sealed class SignedRequestTests : IAsyncLifetime
{
    private static readonly string PingBody = FixtureFiles.Read("interaction_ping.json");

    private EndpointHarness _host = null!;

    public async Task InitializeAsync() => _host = await EndpointHarness.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Signed_ping_is_answered_with_a_pong()
    {
        var answer = await _host.SendAsync(_host.Signed(PingBody));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"type":1}""", answer.Body);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal(0, _host.Dispatched);
    }

    [Fact]
    public async Task Signed_ping_within_the_allowed_clock_skew_either_way_is_answered()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(_host.Signed(PingBody, TimeSpan.FromMinutes(-4)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(_host.Signed(PingBody, TimeSpan.FromMinutes(4)))).Status);
    }

    [Fact]
    public async Task Signed_command_goes_to_the_dispatcher_and_its_response_is_the_body()
    {
        var answer = await _host.SendAsync(_host.Signed(FixtureFiles.Read("interaction_slash_command_full.json")));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"type":4,"data":{"content":"dispatched"}}""", answer.Body);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal(1, _host.Dispatched);
    }

    public static TheoryData<string> RefusedRequests => new(Refusals.Keys);

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task Request_that_is_not_signed_by_discord_now_is_refused_with_401_and_nothing_else(string name)
    {
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var request = Refusals[name](_host, otherKey);

        var answer = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Null(answer.ContentType);
        Assert.Equal(0, _host.Dispatched);
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var huge = Encoding.UTF8.GetBytes(PingBody + new string(' ', 70_000));
        var timestamp = _host.Timestamp();
        var answer = await _host.SendAsync(EndpointHarness.Request(huge, timestamp, EndpointHarness.Sign(_host.Key, timestamp, huge)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Contains(_host.Logs.Entries, entry => entry.Message.Contains("413", StringComparison.Ordinal) && entry.Message.Contains("70", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Body_over_the_limit_without_a_length_is_refused_with_413_once_the_limit_is_passed()
    {
        var huge = Encoding.UTF8.GetBytes(PingBody + new string(' ', 70_000));
        var timestamp = _host.Timestamp();
        var request = EndpointHarness.Request(huge, timestamp, EndpointHarness.Sign(_host.Key, timestamp, huge));
        request.Content = new StreamContent(new MemoryStream(huge)); // no Content-Length: sent chunked
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var answer = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("", answer.Body);
    }

    [Fact]
    public async Task Body_exactly_at_the_limit_is_read_and_verified()
    {
        var body = Encoding.UTF8.GetBytes(PingBody.TrimEnd() + new string(' ', DiscordOptions.DefaultMaxBodyBytes - Encoding.UTF8.GetByteCount(PingBody.TrimEnd())));
        Assert.Equal(DiscordOptions.DefaultMaxBodyBytes, body.Length);
        var timestamp = _host.Timestamp();

        var answer = await _host.SendAsync(EndpointHarness.Request(body, timestamp, EndpointHarness.Sign(_host.Key, timestamp, body)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\":\"1\",\"type\":")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"not a snowflake\",\"type\":2,\"token\":\"t\"}")]
    [InlineData("{\"type\":2}")]
    [InlineData("{\"id\":\"1533158390497411082\",\"type\":2,\"token\":\"\"}")]
    public async Task Correctly_signed_body_that_is_not_an_answerable_interaction_gets_400(string body)
    {
        var answer = await _host.SendAsync(_host.Signed(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Equal(0, _host.Dispatched);
    }

    [Fact]
    public async Task Other_methods_on_the_path_are_not_served()
    {
        using var response = await _host.Http.GetAsync(EndpointHarness.Path);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Logs_never_hold_the_body_the_token_or_the_signature()
    {
        var command = FixtureFiles.Read("interaction_slash_command_full.json");
        var bytes = Encoding.UTF8.GetBytes(command);
        var timestamp = _host.Timestamp();
        var signature = EndpointHarness.Sign(_host.Key, timestamp, bytes);
        await _host.SendAsync(EndpointHarness.Request(bytes, timestamp, signature));
        await _host.SendAsync(EndpointHarness.Request(bytes, timestamp, signature.Replace('a', 'b')));
        await _host.SendAsync(_host.Signed(command.Replace("\"type\": 2", "\"type\": \"x\"", StringComparison.Ordinal)));

        var logs = _host.Logs.AllText;
        Assert.Contains("BadSignature", logs, StringComparison.Ordinal);
        Assert.Contains("not an interaction", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("aW50ZXJhY3Rpb24", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(signature[..16], logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Game night", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("nelly", logs, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Func<EndpointHarness, Key, HttpRequestMessage>> Refusals = new()
    {
        ["body changed after signing"] = (host, _) => Tampered(host, body: PingBody.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)),
        ["body re-serialized after signing"] = (host, _) => Tampered(host, body: PingBody.Replace("\n", "", StringComparison.Ordinal)),
        ["timestamp changed after signing"] = (host, _) => Tampered(host, timestamp: host.Timestamp(TimeSpan.FromSeconds(1))),
        ["signed with another key"] = (host, other) => host.Signed(PingBody, key: other),
        ["signed 6 minutes ago"] = (host, _) => host.Signed(PingBody, TimeSpan.FromMinutes(-6)),
        ["signed 6 minutes in the future"] = (host, _) => host.Signed(PingBody, TimeSpan.FromMinutes(6)),
        ["signed in 1970"] = (host, _) => Signed(host, PingBody, "0"),
        ["no signature header"] = (host, _) => Tampered(host, dropSignature: true),
        ["no timestamp header"] = (host, _) => Tampered(host, dropTimestamp: true),
        ["neither header"] = (host, _) => Tampered(host, dropSignature: true, dropTimestamp: true),
        ["empty signature"] = (host, _) => Tampered(host, signature: ""),
        ["empty timestamp"] = (host, _) => Tampered(host, timestamp: ""),
        ["signature not hex"] = (host, _) => Tampered(host, signature: "zz" + Valid(host).Signature[2..]),
        ["signature one byte short"] = (host, _) => Tampered(host, signature: Valid(host).Signature[..126]),
        ["signature one byte long"] = (host, _) => Tampered(host, signature: Valid(host).Signature + "00"),
        ["signature as base64"] = (host, _) => Tampered(host, signature: Convert.ToBase64String(Convert.FromHexString(Valid(host).Signature))),
        ["signature all zeros"] = (host, _) => Tampered(host, signature: new string('0', 128)),
        ["timestamp with a sign"] = (host, _) => Signed(host, PingBody, "+" + host.Timestamp()),
        ["timestamp with a fraction"] = (host, _) => Signed(host, PingBody, host.Timestamp() + ".5"),
        ["timestamp in milliseconds"] = (host, _) => Signed(host, PingBody, host.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["timestamp as a date"] = (host, _) => Signed(host, PingBody, host.Time.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        ["timestamp too long for a number"] = (host, _) => Signed(host, PingBody, new string('9', 30)),
        ["two signature headers"] = (host, _) =>
        {
            var request = host.Signed(PingBody);
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", Valid(host).Signature);
            return request;
        },
    };

    private static (string Timestamp, string Signature) Valid(EndpointHarness host)
    {
        var timestamp = host.Timestamp();
        return (timestamp, EndpointHarness.Sign(host.Key, timestamp, Encoding.UTF8.GetBytes(PingBody)));
    }

    /// <summary>Signs <paramref name="body"/> correctly with <paramref name="timestamp"/>, whatever that is.</summary>
    private static HttpRequestMessage Signed(EndpointHarness host, string body, string timestamp)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return EndpointHarness.Request(bytes, timestamp, EndpointHarness.Sign(host.Key, timestamp, bytes));
    }

    /// <summary>A valid signed PING, then one part replaced or left out.</summary>
    private static HttpRequestMessage Tampered(
        EndpointHarness host, string? body = null, string? timestamp = null, string? signature = null, bool dropSignature = false, bool dropTimestamp = false)
    {
        var valid = Valid(host);
        return EndpointHarness.Request(
            Encoding.UTF8.GetBytes(body ?? PingBody),
            dropTimestamp ? null : timestamp ?? valid.Timestamp,
            dropSignature ? null : signature ?? valid.Signature);
    }
}
