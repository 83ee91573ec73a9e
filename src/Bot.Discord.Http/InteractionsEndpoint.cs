using System.Buffers;
using System.Text.Json;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Http;

/// <summary>
/// <c>POST /interactions</c>: Discord's signed delivery of interactions. Each request is checked (headers,
/// freshness, size, Ed25519 signature over the raw bytes) before its JSON is looked at; PING is answered
/// here, everything else goes through the dispatcher, whose initial response becomes this request's body.
/// </summary>
/// <remarks>
/// Statuses: 401 with an empty body for anything unsigned, badly signed or stale (Discord probes this with
/// deliberately bad signatures and removes the endpoint URL if we accept one); 413 for a body over
/// <see cref="DiscordOptions.MaxBodyBytes"/>; 400 for a signed body that is not an interaction;
/// 200 with the initial response; 503 when the dispatcher gave no initial response in time (see
/// <see cref="AnswerThroughDispatcherAsync"/>).
/// </remarks>
public sealed partial class InteractionsEndpoint
{
    private static readonly byte[] PongBody = JsonSerializer.SerializeToUtf8Bytes(InteractionResponse.Pong, DiscordJson.Default.InteractionResponse);

    private readonly Ed25519Verifier _verifier;
    private readonly DiscordOptions _options;
    private readonly InteractionDispatch _dispatch;
    private readonly InFlightInteractions _inFlight;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionsEndpoint> _logger;
    private readonly RefusalLog _unauthorized;
    private readonly RefusalLog _tooLarge;

    /// <summary>Refused requests are reported at most this often, with their count (<see cref="RefusalLog"/>).</summary>
    public static readonly TimeSpan RefusalReportInterval = TimeSpan.FromMinutes(1);

    internal InteractionsEndpoint(
        Ed25519Verifier verifier,
        IOptions<DiscordOptions> options,
        InteractionDispatch dispatch,
        InFlightInteractions inFlight,
        TimeProvider time,
        ILogger<InteractionsEndpoint> logger)
    {
        _verifier = verifier;
        _options = options.Value;
        _dispatch = dispatch;
        _inFlight = inFlight;
        _time = time;
        _unauthorized = new RefusalLog(time, RefusalReportInterval);
        _tooLarge = new RefusalLog(time, RefusalReportInterval);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Discord's 3-second window runs from here, not from when a worker gets to the interaction.
        var arrivedAt = _time.GetTimestamp();
        var request = context.Request;
        if (SignatureHeaders.Read(request.Headers, out var timestamp, out var unixSeconds, out var signatureHex) is { } malformed)
        {
            Reject(context, malformed);
            return;
        }

        // Before the body is read, so a replayed or stale request costs us nothing more.
        if (Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - unixSeconds) > (long)_options.MaxClockSkew.TotalSeconds)
        {
            Reject(context, RequestRejection.StaleTimestamp);
            return;
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            RefuseTooLarge(context, request.ContentLength.Value);
            return;
        }

        var (answered, interaction) = await ReadVerifiedAsync(context, timestamp, signatureHex);
        if (answered)
            return;

        if (interaction is null)
        {
            Answer(context, StatusCodes.Status400BadRequest);
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            Log.Ponged(_logger);
            await WriteJsonAsync(context, PongBody);
            return;
        }

        await AnswerThroughDispatcherAsync(context, interaction, arrivedAt);
    }

    /// <summary>
    /// Reads the body right behind the timestamp's bytes (the signed message is then one span, as
    /// received), verifies the signature and parses the interaction. <c>Answered</c> when the request
    /// was refused (too large, malformed, badly signed) or its caller left; the interaction is null
    /// when the body is not one.
    /// </summary>
    private async Task<(bool Answered, Interaction? Interaction)> ReadVerifiedAsync(HttpContext context, string timestamp, string signatureHex)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(timestamp.Length + _options.MaxBodyBytes + 1);
        var used = buffer.Length;
        try
        {
            for (var i = 0; i < timestamp.Length; i++)
            {
                buffer[i] = (byte)timestamp[i];
            }

            var (outcome, length) = await ReadBodyAsync(context.Request.Body, buffer.AsMemory(timestamp.Length, _options.MaxBodyBytes + 1), context.RequestAborted);
            used = timestamp.Length + length;
            switch (outcome)
            {
                case BodyOutcome.TooLarge:
                    RefuseTooLarge(context, null);
                    return (true, null);
                case BodyOutcome.Gone:
                    return (true, null);
                case BodyOutcome.Malformed:
                    Answer(context, StatusCodes.Status400BadRequest);
                    return (true, null);
            }

            if (!VerifySignature(buffer.AsSpan(0, timestamp.Length + length), signatureHex))
            {
                Reject(context, RequestRejection.BadSignature);
                return (true, null);
            }

            return (false, Parse(buffer.AsSpan(timestamp.Length, length)));
        }
        finally
        {
            // The body holds the interaction token, a credential for 15 minutes: leave no copy in the pool.
            // Only the part written to needs clearing, not the whole 64 KiB on every PING.
            buffer.AsSpan(0, used).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Starts the dispatcher without waiting for it to finish, waits for its initial response, and writes
    /// that as the HTTP answer; the dispatcher then goes on in the background (a deferred reply edits
    /// <c>@original</c> through the REST client), tracked by <see cref="InFlightInteractions"/>.
    /// </summary>
    /// <remarks>
    /// When no initial response comes (the dispatcher dropped the interaction or failed before answering,
    /// or the window ran out) the answer is 503 with an empty body. Not 202: that tells Discord we called
    /// the callback ourselves, which we did not. Not a 4xx: Discord's request was valid. Not 500: nothing
    /// crashed in handling the request, the bot could not answer in time, which is what 503 means; Discord
    /// shows the user "The application did not respond" either way, and monitoring sees a server-side miss.
    /// </remarks>
    private async Task AnswerThroughDispatcherAsync(HttpContext context, Interaction interaction, long arrivedAt)
    {
        var responder = new HttpInitialResponder();
        var incoming = new IncomingInteraction(interaction, arrivedAt);

        // Opened before the dispatch starts, so the dispatch (which outlives this request) carries it too.
        using var scope = _logger.BeginScope(InteractionLogScope.For(interaction));

        // Not awaited: the dispatcher outlives this request when it defers. The tracker owns it from here.
        _ = _inFlight.Run(cancellationToken => DispatchAsync(incoming, responder, cancellationToken));

        var (callerGone, initial) = await WaitForInitialAsync(context, responder, arrivedAt);
        if (callerGone)
        {
            Log.CallerGone(_logger, interaction.Id);
            return;
        }

        // A response that arrives at the very moment the wait ends is still sent.
        initial ??= responder.GiveUp();
        if (initial is null)
        {
            Log.NoInitialResponse(_logger, interaction.Id, interaction.Type, _time.GetElapsedTime(arrivedAt));
            Answer(context, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        await WriteInitialAsync(context, interaction, responder, initial, arrivedAt);
    }

    /// <summary>The dispatcher's initial response, or null when none came within the allowed time; <c>CallerGone</c> when Discord hung up first.</summary>
    private async Task<(bool CallerGone, InteractionResponse? Initial)> WaitForInitialAsync(HttpContext context, HttpInitialResponder responder, long arrivedAt)
    {
        var remaining = _options.InitialResponseTimeout - _time.GetElapsedTime(arrivedAt);
        try
        {
            if (remaining > TimeSpan.Zero)
                return (false, await responder.Response.WaitAsync(remaining, _time, context.RequestAborted));
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            responder.GiveUp();
            responder.Delivered(false);
            return (true, null);
        }

        return (false, null);
    }

    /// <summary>Writes the initial response as the HTTP answer and tells the dispatcher whether it reached Discord.</summary>
    private async Task WriteInitialAsync(HttpContext context, Interaction interaction, HttpInitialResponder responder, InteractionResponse initial, long arrivedAt)
    {
        byte[] body;
        try
        {
            body = JsonSerializer.SerializeToUtf8Bytes(initial, DiscordJson.Default.InteractionResponse);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            responder.Delivered(false);
            Log.ResponseUnwritable(_logger, interaction.Id, initial.Type, exception);
            Answer(context, StatusCodes.Status503ServiceUnavailable);
            return;
        }

        var delivered = false;
        try
        {
            await WriteJsonAsync(context, body);
            await context.Response.CompleteAsync();
            delivered = !context.RequestAborted.IsCancellationRequested;
            Log.Answered(_logger, interaction.Id, initial.Type, _time.GetElapsedTime(arrivedAt), delivered);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            Log.CallerGone(_logger, interaction.Id);
        }
        finally
        {
            // Always settled, so the dispatcher waiting in RespondAsync never waits for nothing.
            responder.Delivered(delivered);
        }
    }

    private async Task DispatchAsync(IncomingInteraction incoming, HttpInitialResponder responder, CancellationToken cancellationToken)
    {
        try
        {
            await _dispatch(incoming, responder, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            Log.DispatchFailed(_logger, incoming.Interaction.Id, exception);
        }
        finally
        {
            // Whatever happened, no initial response comes after this: stop the request waiting for one.
            responder.Close();
        }
    }

    private bool VerifySignature(ReadOnlySpan<byte> signedMessage, string signatureHex)
    {
        Span<byte> signature = stackalloc byte[Ed25519Verifier.SignatureLength];
        SignatureHeaders.DecodeSignature(signatureHex, signature);
        return _verifier.Verify(signedMessage, signature);
    }

    /// <summary>The interaction, or null when the (correctly signed) body is not one we can answer.</summary>
    private Interaction? Parse(ReadOnlySpan<byte> body)
    {
        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJson.Default.Interaction);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            // The message can quote the body; the path and position are enough to find the problem.
            var json = exception as JsonException;
            Log.Unparseable(_logger, exception.GetType().Name, json?.Path, json?.LineNumber, json?.BytePositionInLine);
            return null;
        }

        if (interaction is null)
        {
            Log.Unparseable(_logger, "null", null, null, null);
            return null;
        }

        // Without an id and a token no response or edit can ever reach Discord.
        if (interaction.Type != InteractionType.Ping && (interaction.Id == 0 || string.IsNullOrEmpty(interaction.Token)))
        {
            Log.Unanswerable(_logger, interaction.Type);
            return null;
        }

        return interaction;
    }

    private async Task<(BodyOutcome Outcome, int Length)> ReadBodyAsync(Stream body, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var length = 0;
        try
        {
            // destination is one byte longer than the limit: filling it means the body is too large,
            // found without reading the rest.
            while (length < destination.Length)
            {
                var read = await body.ReadAsync(destination[length..], cancellationToken);
                if (read == 0)
                    return (BodyOutcome.Complete, length);

                length += read;
            }

            return (BodyOutcome.TooLarge, length);
        }
        catch (BadHttpRequestException exception)
        {
            // Framing errors (a body shorter than its Content-Length, bad chunking): the caller's fault.
            Log.BodyUnreadable(_logger, exception.StatusCode);
            return (BodyOutcome.Malformed, length);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            Log.BodyUnreadable(_logger, null);
            return (BodyOutcome.Gone, length);
        }
    }

    private void Reject(HttpContext context, RequestRejection reason)
    {
        if (_unauthorized.Count() is var count and > 0)
            Log.Rejected(_logger, count, reason, context.Connection.RemoteIpAddress?.ToString());
        Answer(context, StatusCodes.Status401Unauthorized);
    }

    private void RefuseTooLarge(HttpContext context, long? declaredLength)
    {
        if (_tooLarge.Count() is var count and > 0)
            Log.TooLarge(_logger, count, declaredLength, _options.MaxBodyBytes);
        Answer(context, StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>A status with an empty body: the caller learns nothing about why.</summary>
    private static void Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
    }

    private static async Task WriteJsonAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private enum BodyOutcome
    {
        Complete,
        TooLarge,
        Malformed,
        Gone,
    }
}
