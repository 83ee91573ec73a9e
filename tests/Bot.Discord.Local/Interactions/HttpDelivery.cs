using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace Bot.Discord.Local.Interactions;

/// <summary>
/// Discord's side of HTTP delivery (PROTOCOL.md §7), for a bot whose interactions endpoint is at
/// <see cref="Url"/>: signs each interaction with Ed25519 over <c>X-Signature-Timestamp</c> + the raw
/// body with a key made here (give the bot <see cref="PublicKeyHex"/> as <c>Discord:PublicKey</c>), POSTs
/// it, and, as Discord does, takes the body of a 200 answer as the interaction's initial response at the
/// local Discord, so the bot's later <c>PATCH @original</c> (after a deferral) is accepted there.
/// </summary>
/// <remarks>
/// The bot may edit <c>@original</c> the moment it has written its answer, before this side has read
/// it. So the interaction is registered as "being delivered" before the POST, and the local Discord's
/// webhook routes hold calls with its token (at most 3 s) until the answer was taken or the delivery
/// ended without one. Thread-safe: a load test sends many deliveries at once through one instance.
/// </remarks>
public sealed class HttpDelivery : IDisposable
{
    public const string SignatureHeader = "X-Signature-Ed25519";

    public const string TimestampHeader = "X-Signature-Timestamp";

    /// <summary>Generous for tests on a busy machine; Discord itself gives up after 3 s (see <see cref="HttpDeliveryResult.Elapsed"/>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly LocalDiscordServer _discord;
    private readonly HttpClient _http;

    /// <param name="discord">The local Discord that takes the answers as initial responses and serves the bot's follow-ups.</param>
    /// <param name="url">The bot's interactions endpoint, e.g. <c>http://127.0.0.1:8080/interactions</c>.</param>
    /// <param name="timeout">How long to wait for each answer; <see cref="DefaultTimeout"/> when null.</param>
    public HttpDelivery(LocalDiscordServer discord, Uri url, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(discord);
        ArgumentNullException.ThrowIfNull(url);
        _discord = discord;
        Url = url;
        Key = Key.Create(Ed25519);
        PublicKeyHex = Convert.ToHexStringLower(Key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = timeout ?? DefaultTimeout,
        };
    }

    /// <summary>Where interactions are POSTed.</summary>
    public Uri Url { get; }

    /// <summary>The application's signing key (Discord keeps the private half; the bot gets <see cref="PublicKeyHex"/>).</summary>
    public Key Key { get; }

    /// <summary>The public half of <see cref="Key"/> as the developer portal shows it: 64 hex characters.</summary>
    public string PublicKeyHex { get; }

    /// <summary>Ed25519 signature by <paramref name="key"/> of <paramref name="timestamp"/>'s bytes followed by <paramref name="body"/>, in hex.</summary>
    public static string Sign(Key key, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timestamp);
        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        return Convert.ToHexStringLower(Ed25519.Sign(key, message));
    }

    /// <summary>The local Discord's now (plus <paramref name="offset"/>) as Discord writes it in <c>X-Signature-Timestamp</c>: Unix seconds.</summary>
    public string Timestamp(TimeSpan offset = default) =>
        (_discord.Time.GetUtcNow() + offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs <paramref name="interaction"/> now with <see cref="Key"/> and POSTs it.</summary>
    public Task<HttpDeliveryResult> DeliverAsync(JsonObject interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return DeliverAsync(interaction.ToJsonString(), cancellationToken);
    }

    /// <summary>Signs <paramref name="interaction"/> (JSON, sent byte for byte) now with <see cref="Key"/> and POSTs it.</summary>
    public Task<HttpDeliveryResult> DeliverAsync(string interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var body = Encoding.UTF8.GetBytes(interaction);
        var timestamp = Timestamp();
        return SendAsync(body, timestamp, Sign(Key, timestamp, body), cancellationToken);
    }

    /// <summary>
    /// POSTs exactly <paramref name="body"/> with these header values (null leaves a header out), as
    /// Discord's deliberately bad deliveries do. A 200's body is still offered to the local Discord as
    /// the initial response, as a real one would be.
    /// </summary>
    public async Task<HttpDeliveryResult> SendAsync(byte[] body, string? timestamp, string? signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (id, token, type) = Identify(body);

        // A PING has no response message: nothing to take, nothing to wait for.
        var tracked = token is not null && type is not null and not 1;
        if (tracked)
            _discord.ExpectHttpDelivery(token!);

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = BuildRequest(body, timestamp, signature);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            var (acknowledged, refusal) = tracked && status == 200 ? OfferAnswer(id, token!, contentType, text) : (false, null);

            return new HttpDeliveryResult
            {
                InteractionId = id,
                Token = token,
                Status = status,
                Body = text,
                ContentType = contentType,
                Elapsed = elapsed,
                Acknowledged = acknowledged,
                Refusal = refusal,
            };
        }
        catch (Exception exception) when (exception is HttpRequestException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Failed(id, token, started, exception);
        }
        finally
        {
            if (tracked)
            {
                // Idempotent: after TakeHttpAnswer this finds nothing left to end.
                _discord.EndHttpDelivery(token!);
            }
        }
    }

    /// <summary>No HTTP answer: the connection failed or the client's timeout ran out.</summary>
    private static HttpDeliveryResult Failed(ulong id, string? token, long started, Exception exception) =>
        new()
        {
            InteractionId = id,
            Token = token,
            Status = 0,
            Elapsed = Stopwatch.GetElapsedTime(started),
            TimedOut = exception is OperationCanceledException,
            Failure = exception.Message,
        };

    private HttpRequestMessage BuildRequest(byte[] body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)");
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature);

        if (timestamp is not null)
            request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp);

        return request;
    }

    /// <summary>Offers a 200's body to the local Discord as the initial response: whether it took it, and if not, why.</summary>
    private (bool Acknowledged, string? Refusal) OfferAnswer(ulong id, string token, string? contentType, string text)
    {
        if (!string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
            return (false, $"the answer's Content-Type is '{contentType}', not application/json");

        var verdict = _discord.TakeHttpAnswer(id, token, text);
        var acknowledged = verdict.Status is >= 200 and < 300;
        return (acknowledged, acknowledged ? null : verdict.Json);
    }

    public void Dispose()
    {
        _http.Dispose();
        Key.Dispose();
    }

    /// <summary>The interaction's id, token and type, as far as the body has them.</summary>
    private static (ulong Id, string? Token, int? Type) Identify(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return (0, null, null);

            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                     && ulong.TryParse(idValue.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : 0;
            var token = root.TryGetProperty("token", out var tokenValue) && tokenValue.ValueKind == JsonValueKind.String ? tokenValue.GetString() : null;
            int? type = root.TryGetProperty("type", out var typeValue) && typeValue.TryGetInt32(out var number) ? number : null;
            return (id, string.IsNullOrEmpty(token) ? null : token, type);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Garbage on purpose: nothing to track.
            return (0, null, null);
        }
    }
}

/// <summary>How the bot answered one HTTP delivery, and what the local Discord made of the answer.</summary>
public sealed record HttpDeliveryResult
{
    public required ulong InteractionId { get; init; }

    public required string? Token { get; init; }

    /// <summary>The HTTP status of the bot's answer; 0 when none came (see <see cref="TimedOut"/>, <see cref="Failure"/>).</summary>
    public required int Status { get; init; }

    public string Body { get; init; } = "";

    /// <summary>The answer's media type, without parameters.</summary>
    public string? ContentType { get; init; }

    /// <summary>From sending the request to having read the whole answer. Discord gives up after 3 s.</summary>
    public required TimeSpan Elapsed { get; init; }

    public bool TimedOut { get; init; }

    /// <summary>Why no answer came (connection refused, timeout), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>The local Discord took the answer as the interaction's initial response: edits of <c>@original</c> work from now.</summary>
    public bool Acknowledged { get; init; }

    /// <summary>Why the local Discord refused the body of a 200 as the initial response (its error JSON), or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>The answer's JSON, or null when it has none.</summary>
    public JsonNode? Json() =>
        Body.Length > 0 && string.Equals(ContentType, "application/json", StringComparison.OrdinalIgnoreCase) ? JsonNode.Parse(Body) : null;

    /// <summary>The interaction response type of a JSON answer (1 PONG, 4 message, 5 deferred…), or null.</summary>
    public int? ResponseType()
    {
        if (Body.Length == 0 || !string.Equals(ContentType, "application/json", StringComparison.OrdinalIgnoreCase))
            return null;

        try
        {
            using var json = JsonDocument.Parse(Body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var type) && type.TryGetInt32(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() =>
        $"interaction {InteractionId}: {(Status == 0 ? Failure : Status.ToString(CultureInfo.InvariantCulture))} after {Elapsed.TotalMilliseconds:0.0} ms"
        + (Body.Length > 0 ? ": " + Body : "") + (Refusal is null ? "" : " (refused: " + Refusal + ")");
}
