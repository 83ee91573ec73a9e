using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Discord.Rest.RateLimits;
using Bot.Discord.Serialization;

namespace Bot.Discord.Rest;

/// <summary>Sending one call: rate limits, retries, and turning an answer into a success or a named outcome.</summary>
public sealed partial class DiscordRestClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private async Task<Exchange> ExchangeAsync(BoundRoute route, byte[]? body, string? auditLogReason, CancellationToken cancellationToken)
    {
        if (route.Route.Auth == RouteAuth.BotToken && _limiter.BotTokenRejected)
        {
            return Exchange.Failed(new DiscordRestError(
                DiscordRestErrorKind.Unauthorized,
                "Discord rejected the bot token earlier (401); not calling it again with that token."));
        }

        var attempts = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bucket = _limiter.BucketFor(route);
            if (await WaitForSlotsAsync(route, bucket, attempts, cancellationToken).ConfigureAwait(false) is { } refused)
                return refused;

            attempts++;
            var step = await SendOnceAsync(route, bucket, body, auditLogReason, attempts, cancellationToken).ConfigureAwait(false);
            if (step.Done is { } done)
                return done;

            if (step.Delay is { } delay)
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);

            // else: a 429, whose wait happens when the bucket or the global limiter is acquired again
        }
    }

    /// <summary>Takes a slot in the route's bucket and, unless the route is exempt, in the global limit; the refusal when a wait would be too long.</summary>
    private async Task<Exchange?> WaitForSlotsAsync(BoundRoute route, RateLimitBucket bucket, int attempts, CancellationToken cancellationToken)
    {
        var bucketWait = await bucket.AcquireAsync(_options.MaxRateLimitWait, cancellationToken).ConfigureAwait(false);
        if (!bucketWait.Acquired)
        {
            Log.WaitTooLong(_logger, route.Route.OperationId, bucketWait.TooLongBy, _options.MaxRateLimitWait);
            return Exchange.Failed(TooLong(bucketWait.TooLongBy, attempts, null));
        }

        if (route.Route.ExemptFromGlobalLimit)
            return null;

        RateLimitWait globalWait;
        try
        {
            globalWait = await _limiter.Global.AcquireAsync(_options.MaxRateLimitWait, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            bucket.Release(null, succeeded: false);
            throw;
        }

        if (globalWait.Acquired)
            return null;

        bucket.Release(null, succeeded: false);
        Log.WaitTooLong(_logger, route.Route.OperationId, globalWait.TooLongBy, _options.MaxRateLimitWait);
        return Exchange.Failed(TooLong(globalWait.TooLongBy, attempts, null));
    }

    /// <summary>One request with its slots taken: the bucket is always released, with what the answer said about it.</summary>
    private async Task<Step> SendOnceAsync(BoundRoute route, RateLimitBucket bucket, byte[]? body, string? auditLogReason, int attempts, CancellationToken cancellationToken)
    {
        var released = false;
        try
        {
            HttpResponseMessage response;
            try
            {
                using var request = BuildRequest(route, body, auditLogReason);
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when ((exception is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                bucket.Release(null, succeeded: false);
                released = true;
                _metrics?.RestRequest(route.Route, null);
                return NoAnswer(route, exception, attempts);
            }

            using (response)
            {
                var headers = RateLimitHeaders.Read(response.Headers);
                var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                bucket.Release(headers, succeeded: response.IsSuccessStatusCode);
                released = true;
                _limiter.Learn(route, bucket, headers);
                Log.Answered(_logger, route.Route.OperationId, (int)response.StatusCode, attempts);
                _metrics?.RestRequest(route.Route, (int)response.StatusCode);
                return Answered(route, bucket, (int)response.StatusCode, headers, content, attempts);
            }
        }
        finally
        {
            if (!released)
                bucket.Release(null, succeeded: false);
        }
    }

    /// <summary>No answer came: try again after a back-off when that is safe and tries remain, else give up.</summary>
    private Step NoAnswer(BoundRoute route, Exception exception, int attempts)
    {
        var reason = exception is TaskCanceledException ? "timed out" : exception.Message;
        if (attempts >= _options.MaxAttempts || !SafeToRepeat(route.Route.Method, exception))
        {
            Log.GaveUp(_logger, route.Route.OperationId, attempts, reason);
            return Step.Finish(Exchange.Failed(new DiscordRestError(DiscordRestErrorKind.Unreachable, $"No answer from Discord: {reason}") { Attempts = attempts }));
        }

        var delay = Backoff(attempts);
        Log.NoAnswer(_logger, route.Route.OperationId, reason, delay, attempts, _options.MaxAttempts);
        return Step.RetryAfter(delay);
    }

    /// <summary>What an answer means: success, a rate limit to wait out, a busy server to retry, or a named failure.</summary>
    private Step Answered(BoundRoute route, RateLimitBucket bucket, int status, RateLimitHeaders headers, byte[] content, int attempts)
    {
        var operation = route.Route.OperationId;
        if (status is >= 200 and < 300)
            return Step.Finish(new Exchange(status, content, attempts, null));

        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            return HandleTooManyRequests(route, bucket, headers, content, attempts) is { } limited
                ? Step.Finish(Exchange.Failed(limited))
                : Step.RetryAfter(null);
        }

        if (status is 502 or 503 or 504)
        {
            if (attempts >= _options.MaxAttempts)
            {
                Log.GaveUp(_logger, operation, attempts, $"HTTP {status}");
                return Step.Finish(Exchange.Failed(new DiscordRestError(DiscordRestErrorKind.ServerError, $"Discord answered {status} to every try.")
                {
                    HttpStatus = status,
                    Attempts = attempts,
                }));
            }

            var delay = Backoff(attempts);
            Log.ServerBusy(_logger, operation, status, delay, attempts, _options.MaxAttempts);
            return Step.RetryAfter(delay);
        }

        if (status == 401 && route.Route.Auth == RouteAuth.BotToken)
        {
            _limiter.MarkBotTokenRejected();
            Log.TokenRejected(_logger, operation);
        }

        var error = Classify(status, content, attempts);
        Log.Failed(_logger, operation, error.Kind, status, error.Code, error.Message);
        return Step.Finish(Exchange.Failed(error));
    }

    /// <summary>Records a 429 where it applies; returns the outcome when the call must stop, <c>null</c> to retry.</summary>
    private DiscordRestError? HandleTooManyRequests(BoundRoute route, RateLimitBucket used, RateLimitHeaders headers, byte[] content, int attempts)
    {
        var body = TryRead(content, DiscordJson.Default.RateLimitResponse);
        var retryAfter = body is { RetryAfter: > 0 } ? TimeSpan.FromSeconds(body.RetryAfter) : headers.RetryAfter ?? TimeSpan.FromSeconds(1);
        var global = headers.Global || body?.Global == true || string.Equals(headers.Scope, "global", StringComparison.OrdinalIgnoreCase);
        var scope = headers.Scope ?? (global ? "global" : "user");

        if (global && !route.Route.ExemptFromGlobalLimit)
        {
            _limiter.Global.Pause(retryAfter);
        }
        else
        {
            used.Pause(retryAfter);
            var current = _limiter.BucketFor(route);
            if (!ReferenceEquals(current, used))
            {
                current.Pause(retryAfter); // the route's bucket got its name from this answer
            }
        }

        if (retryAfter > _options.MaxRateLimitWait)
        {
            Log.WaitTooLong(_logger, route.Route.OperationId, retryAfter, _options.MaxRateLimitWait);
            return TooLong(retryAfter, attempts, scope, body?.Message);
        }

        if (attempts >= _options.MaxAttempts)
        {
            Log.GaveUp(_logger, route.Route.OperationId, attempts, "HTTP 429");
            return new DiscordRestError(DiscordRestErrorKind.RetriesExhausted, body?.Message is { Length: > 0 } message ? message : "Still rate limited after every try.")
            {
                HttpStatus = 429,
                Code = body?.Code,
                RetryAfter = retryAfter,
                Attempts = attempts,
            };
        }

        Log.RateLimited(_logger, route.Route.OperationId, scope, retryAfter, attempts, _options.MaxAttempts);
        return null;
    }

    private static DiscordRestError TooLong(TimeSpan wait, int attempts, string? scope, string? message = null) =>
        new(DiscordRestErrorKind.RateLimitedTooLong, message is { Length: > 0 } ? message : $"Rate limited for {wait.TotalSeconds:0.###} s{(scope is null ? "" : $" ({scope})")}.")
        {
            HttpStatus = attempts > 0 ? 429 : null,
            RetryAfter = wait,
            Attempts = attempts,
        };

    private static DiscordRestError Classify(int status, byte[] content, int attempts)
    {
        var body = TryRead(content, DiscordJson.Default.DiscordError);
        var code = body?.Code;
        var kind = code switch
        {
            10062 => DiscordRestErrorKind.UnknownInteraction,
            40060 => DiscordRestErrorKind.AlreadyAcknowledged,
            50013 => DiscordRestErrorKind.MissingPermissions,
            50001 => DiscordRestErrorKind.MissingAccess,
            50035 => DiscordRestErrorKind.InvalidFormBody,
            _ => status switch
            {
                401 => DiscordRestErrorKind.Unauthorized,
                404 => DiscordRestErrorKind.NotFound,
                >= 500 => DiscordRestErrorKind.ServerError,
                _ => DiscordRestErrorKind.Other,
            },
        };

        return new DiscordRestError(kind, body?.Message is { Length: > 0 } message ? message : $"HTTP {status}")
        {
            HttpStatus = status,
            Code = code,
            Errors = body?.Errors,
            Attempts = attempts,
        };
    }

    private static T? TryRead<T>(byte[] content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return content.Length == 0 ? null : JsonSerializer.Deserialize(content, typeInfo);
        }
        catch (JsonException)
        {
            return null; // e.g. an HTML error page from a proxy
        }
    }

    private HttpRequestMessage BuildRequest(BoundRoute route, byte[]? body, string? auditLogReason)
    {
        var request = new HttpRequestMessage(route.Route.Method, new Uri(_baseUrl + route.Path + route.Query, UriKind.Absolute));
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        if (route.Route.Auth == RouteAuth.BotToken)
            request.Headers.TryAddWithoutValidation("Authorization", _options.AuthorizationHeader);

        if (auditLogReason is { Length: > 0 })
            request.Headers.TryAddWithoutValidation("X-Audit-Log-Reason", Uri.EscapeDataString(auditLogReason));

        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonMediaType } };

        return request;
    }

    /// <summary>
    /// Whether a request that got no answer may be sent again: yes when it never left (no connection), or
    /// when repeating it changes nothing (GET, PUT, PATCH, DELETE here). A POST that timed out may have
    /// reached Discord: again would post a message twice, or answer an interaction twice (40060).
    /// </summary>
    private static bool SafeToRepeat(HttpMethod method, Exception exception) =>
        method != HttpMethod.Post
        || exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>Exponential back-off with jitter: base·2^(try-1), capped, then a random 50–100 % of it.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.ServerErrorBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _options.MaxServerErrorBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private readonly record struct Exchange(int Status, byte[] Body, int Attempts, DiscordRestError? Error)
    {
        public static Exchange Failed(DiscordRestError error) => new(error.HttpStatus ?? 0, [], error.Attempts, error);
    }

    /// <summary>After one try: the call's outcome, or another try (after <see cref="Delay"/> when set).</summary>
    private readonly record struct Step(Exchange? Done, TimeSpan? Delay)
    {
        public static Step Finish(Exchange exchange) => new(exchange, null);

        public static Step RetryAfter(TimeSpan? delay) => new(null, delay);
    }
}
