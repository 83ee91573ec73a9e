using System.Globalization;
using Bot.Commands.Capabilities;
using Bot.Commands.Definitions;
using Bot.Discord.Models.ScheduledEvents;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordBridge;

/// <summary>
/// Scheduled events through Discord's REST API (<c>POST /guilds/{id}/scheduled-events</c>): a voice
/// or stage channel's event (entity type 2 or 1, with the channel), or an external one (type 3, with
/// a location and the end time Discord requires); only members of the server see it (privacy level 2).
/// </summary>
internal sealed partial class DiscordGuildEvents(DiscordRestClient rest, ILogger<DiscordGuildEvents> logger) : IGuildEvents
{
    internal const string AuditLogReason = "Watch party scheduled with /watchparty schedule";

    public async ValueTask<GuildEventResult> CreateAsync(GuildEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryId(request.GuildId, out var guild))
            return new GuildEventResult(GuildEventOutcome.NotInGuild);

        var place = request.Place;
        ulong? channel = null;
        if (place.ChannelId is not null)
        {
            if (!TryId(place.ChannelId, out var id))
                return new GuildEventResult(GuildEventOutcome.Failed, Problem: "that is not a channel of this server");
            channel = id;
        }

        var body = new CreateGuildScheduledEventRequest
        {
            Name = request.Name,
            Description = request.Description,
            PrivacyLevel = GuildScheduledEventPrivacyLevel.GuildOnly,
            ScheduledStartTime = request.Start.ToUniversalTime(),
            ScheduledEndTime = request.End.ToUniversalTime(),
            EntityType = channel is null
                ? GuildScheduledEventEntityType.External
                : place.ChannelKind == ChannelKind.Stage ? GuildScheduledEventEntityType.StageInstance : GuildScheduledEventEntityType.Voice,
            ChannelId = channel,
            EntityMetadata = channel is null ? new GuildScheduledEventEntityMetadata { Location = place.Location } : null,
        };
        var result = await rest.CreateGuildScheduledEventAsync(guild, body, AuditLogReason, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
            return new GuildEventResult(GuildEventOutcome.Created, result.Value.Id.ToString(CultureInfo.InvariantCulture));

        var error = result.Error;
        LogRefused(logger, guild, error.Kind, error.Code, error.Message);
        return error.Kind is DiscordRestErrorKind.MissingPermissions or DiscordRestErrorKind.MissingAccess
            ? new GuildEventResult(GuildEventOutcome.BotMissingPermission)
            : new GuildEventResult(GuildEventOutcome.Failed, Problem: error.Kind == DiscordRestErrorKind.InvalidFormBody
                ? string.Join("; ", error.FormErrors().Select(e => $"{e.Path}: {e.Message}"))
                : error.Message);
    }

    private static bool TryId(string? text, out ulong id) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id != 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating a scheduled event in guild {GuildId} failed: {Kind} (code {Code}): {Message}")]
    private static partial void LogRefused(ILogger logger, ulong guildId, DiscordRestErrorKind kind, int? code, string message);
}
