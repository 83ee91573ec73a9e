using System.Globalization;
using Bot.Commands.Capabilities;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordBridge;

/// <summary>Pins through Discord's REST API (<c>PUT /channels/{id}/messages/pins/{message}</c>), its refusals as outcomes.</summary>
internal sealed partial class DiscordMessagePins(DiscordRestClient rest, ILogger<DiscordMessagePins> logger) : IMessagePins
{
    /// <summary>Shown in the server's audit log beside the pin.</summary>
    internal const string AuditLogReason = "Summary pinned with /summary";

    public async ValueTask<PinOutcome> PinAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        if (!ulong.TryParse(channelId, NumberStyles.None, CultureInfo.InvariantCulture, out var channel)
            || !ulong.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var message))
        {
            return PinOutcome.Failed;
        }

        var result = await rest.PinMessageAsync(channel, message, AuditLogReason, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
            return PinOutcome.Pinned;

        var error = result.Error;
        var outcome = error switch
        {
            { Kind: DiscordRestErrorKind.MissingPermissions } => PinOutcome.BotMissingPermission,
            { Kind: DiscordRestErrorKind.MissingAccess } => PinOutcome.BotMissingAccess,
            { Code: 30003 } => PinOutcome.PinLimitReached,
            _ => PinOutcome.Failed,
        };
        LogRefused(logger, channel, message, error.Kind, error.Code, error.Message);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pinning message {MessageId} in channel {ChannelId} failed: {Kind} (code {Code}): {Message}")]
    private static partial void LogRefused(ILogger logger, ulong channelId, ulong messageId, DiscordRestErrorKind kind, int? code, string message);
}
