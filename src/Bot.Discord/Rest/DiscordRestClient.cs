using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.Diagnostics;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Gateway;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.ScheduledEvents;
using Bot.Discord.Rest.RateLimits;
using Bot.Discord.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>
/// Discord's REST API, the calls the bot needs. Every call returns a <see cref="RestResult"/> or
/// <see cref="RestResult{T}"/>: expected failures (unknown interaction, missing permissions, rate limits
/// past the allowed wait…) are named outcomes, not exceptions. Only cancellation throws.
/// </summary>
/// <remarks>
/// A typed HttpClient: register it with <c>services.AddDiscordRest(...)</c>. Rate-limit state lives in the
/// shared <see cref="RestRateLimiter"/>; bodies go through <see cref="DiscordJson"/>.
/// </remarks>
public sealed partial class DiscordRestClient
{
    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly RestRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly string _baseUrl;
    private readonly DiscordMetrics? _metrics;

    /// <param name="metrics">Where each request is counted by route template and status; nowhere when null.</param>
    public DiscordRestClient(
        HttpClient http,
        IOptions<DiscordOptions> options,
        RestRateLimiter rateLimiter,
        TimeProvider timeProvider,
        ILogger<DiscordRestClient> logger,
        DiscordMetrics? metrics = null)
    {
        _options = options.Value;
        DiscordOptionsValidator.ThrowIfUnusable(_options);
        if (string.IsNullOrWhiteSpace(_options.Token))
            throw new InvalidOperationException(DiscordRestServiceCollectionExtensions.TokenNotSet);

        _http = http;
        _limiter = rateLimiter;
        _time = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
    }

    /// <summary><c>GET /gateway/bot</c>: the gateway URL, recommended shards and the identify budget.</summary>
    public Task<RestResult<GatewayBotResponse>> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoutes.GetGatewayBot.Bind(), null, DiscordJson.Default.GatewayBotResponse, null, cancellationToken);

    /// <summary><c>GET /applications/{id}/commands</c>: the global commands.</summary>
    public Task<RestResult<IReadOnlyList<ApplicationCommand>>> GetGlobalCommandsAsync(
        ulong applicationId, bool withLocalizations = false, CancellationToken cancellationToken = default)
    {
        var route = DiscordRoutes.ListApplicationCommands.Bind(Id(applicationId));
        if (withLocalizations)
            route = route.WithQuery("with_localizations", "true");

        return SendAsync(route, null, DiscordJson.Default.IReadOnlyListApplicationCommand, null, cancellationToken);
    }

    /// <summary><c>GET /applications/{id}/guilds/{guild.id}/commands</c>: the commands registered to one guild.</summary>
    public Task<RestResult<IReadOnlyList<ApplicationCommand>>> GetGuildCommandsAsync(
        ulong applicationId, ulong guildId, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.ListGuildApplicationCommands.Bind(Id(applicationId), Id(guildId)),
            null,
            DiscordJson.Default.IReadOnlyListApplicationCommand,
            null,
            cancellationToken);

    /// <summary><c>PUT /applications/{id}/commands</c>: replaces every global command with <paramref name="commands"/>.</summary>
    public Task<RestResult<IReadOnlyList<ApplicationCommand>>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.BulkOverwriteApplicationCommands.Bind(Id(applicationId)),
            Serialize(commands, DiscordJson.Default.IReadOnlyListApplicationCommand),
            DiscordJson.Default.IReadOnlyListApplicationCommand,
            null,
            cancellationToken);

    /// <summary><c>PUT /applications/{id}/guilds/{guild.id}/commands</c>: replaces the guild's commands (instant, for testing).</summary>
    public Task<RestResult<IReadOnlyList<ApplicationCommand>>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.BulkOverwriteGuildApplicationCommands.Bind(Id(applicationId), Id(guildId)),
            Serialize(commands, DiscordJson.Default.IReadOnlyListApplicationCommand),
            DiscordJson.Default.IReadOnlyListApplicationCommand,
            null,
            cancellationToken);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: the initial response (204). Exempt from the global limit.</summary>
    public Task<RestResult> CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.CreateInteractionResponse.Bind(Id(interactionId), interactionToken),
            Serialize(response, DiscordJson.Default.InteractionResponse),
            null,
            cancellationToken);

    /// <summary>As <see cref="CreateInteractionResponseAsync"/> with <c>?with_response=true</c>: returns what the response created.</summary>
    public Task<RestResult<InteractionCallbackResponse>> CreateInteractionResponseWithCallbackAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.CreateInteractionResponse.Bind(Id(interactionId), interactionToken).WithQuery("with_response", "true"),
            Serialize(response, DiscordJson.Default.InteractionResponse),
            DiscordJson.Default.InteractionCallbackResponse,
            null,
            cancellationToken);

    /// <summary><c>PATCH /webhooks/{application.id}/{token}/messages/@original</c>: edits (or, after a defer, completes) the initial response.</summary>
    public Task<RestResult<Message>> EditOriginalResponseAsync(
        ulong applicationId, string interactionToken, EditWebhookMessageRequest edit, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.EditOriginalInteractionResponse.Bind(Id(applicationId), interactionToken),
            Serialize(edit, DiscordJson.Default.EditWebhookMessageRequest),
            DiscordJson.Default.Message,
            null,
            cancellationToken);

    /// <summary>
    /// <c>GET /webhooks/{application.id}/{token}/messages/@original</c>: the initial response as a message
    /// (its id, its channel). Not found until the initial response has been taken.
    /// </summary>
    public Task<RestResult<Message>> GetOriginalResponseAsync(
        ulong applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.GetOriginalInteractionResponse.Bind(Id(applicationId), interactionToken),
            null,
            DiscordJson.Default.Message,
            null,
            cancellationToken);

    /// <summary><c>DELETE /webhooks/{application.id}/{token}/messages/@original</c>.</summary>
    public Task<RestResult> DeleteOriginalResponseAsync(
        ulong applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.DeleteOriginalInteractionResponse.Bind(Id(applicationId), interactionToken),
            null,
            null,
            cancellationToken);

    /// <summary><c>POST /webhooks/{application.id}/{token}?wait=true</c>: a follow-up message, returned.</summary>
    public Task<RestResult<Message>> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, CreateFollowupMessageRequest message, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.CreateFollowupMessage.Bind(Id(applicationId), interactionToken).WithQuery("wait", "true"),
            Serialize(message, DiscordJson.Default.CreateFollowupMessageRequest),
            DiscordJson.Default.Message,
            null,
            cancellationToken);

    /// <summary><c>PUT /channels/{id}/messages/pins/{message.id}</c> (204). Needs PIN_MESSAGES; at most 250 pins per channel.</summary>
    public Task<RestResult> PinMessageAsync(
        ulong channelId, ulong messageId, string? auditLogReason = null, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoutes.PinMessage.Bind(Id(channelId), Id(messageId)), null, auditLogReason, cancellationToken);

    /// <summary><c>POST /guilds/{id}/scheduled-events</c>. Needs CREATE_EVENTS.</summary>
    public Task<RestResult<GuildScheduledEvent>> CreateGuildScheduledEventAsync(
        ulong guildId, CreateGuildScheduledEventRequest scheduledEvent, string? auditLogReason = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.CreateGuildScheduledEvent.Bind(Id(guildId)),
            Serialize(scheduledEvent, DiscordJson.Default.CreateGuildScheduledEventRequest),
            DiscordJson.Default.GuildScheduledEvent,
            auditLogReason,
            cancellationToken);

    /// <summary><c>POST /channels/{id}/messages</c>. Needs SEND_MESSAGES.</summary>
    public Task<RestResult<Message>> CreateMessageAsync(
        ulong channelId, CreateMessageRequest message, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoutes.CreateMessage.Bind(Id(channelId)),
            Serialize(message, DiscordJson.Default.CreateMessageRequest),
            DiscordJson.Default.Message,
            null,
            cancellationToken);

    private static string Id(ulong snowflake) => snowflake.ToString(CultureInfo.InvariantCulture);

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private async Task<RestResult<T>> SendAsync<T>(
        BoundRoute route, byte[]? body, JsonTypeInfo<T> responseType, string? auditLogReason, CancellationToken cancellationToken)
    {
        var exchange = await ExchangeAsync(route, body, auditLogReason, cancellationToken).ConfigureAwait(false);
        if (exchange.Error is { } error)
            return RestResult<T>.Failure(error);

        try
        {
            if (JsonSerializer.Deserialize(exchange.Body, responseType) is { } value)
                return RestResult<T>.Success(value);
        }
        catch (JsonException exception)
        {
            Log.UnreadableResponse(_logger, route.Route.OperationId, exception.Message);
        }

        return RestResult<T>.Failure(new DiscordRestError(DiscordRestErrorKind.InvalidResponse, $"Discord's answer to {route.Route.OperationId} is not the expected JSON.")
        {
            HttpStatus = exchange.Status,
            Attempts = exchange.Attempts,
        });
    }

    private async Task<RestResult> SendAsync(BoundRoute route, byte[]? body, string? auditLogReason, CancellationToken cancellationToken)
    {
        var exchange = await ExchangeAsync(route, body, auditLogReason, cancellationToken).ConfigureAwait(false);
        return exchange.Error is { } error ? RestResult.Failure(error) : RestResult.Success;
    }
}
