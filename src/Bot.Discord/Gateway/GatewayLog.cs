using Bot.Discord.Models.Interactions;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>Log messages of the gateway client. None carries the bot token or an interaction token.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "Connecting to the Discord gateway at {Url} to {Mode}")]
    public static partial void Connecting(ILogger logger, Uri url, string mode);

    [LoggerMessage(2, LogLevel.Information, "Discord gateway ready as {UserName} ({UserId}), shard {Shard}")]
    public static partial void Ready(ILogger logger, string userName, ulong userId, string shard);

    [LoggerMessage(3, LogLevel.Information, "Discord gateway session resumed")]
    public static partial void Resumed(ILogger logger);

    [LoggerMessage(4, LogLevel.Warning, "Discord gateway connection ended: {Why}; reconnecting in {Delay} to {Mode}")]
    public static partial void ConnectionLost(ILogger logger, string why, TimeSpan delay, string mode);

    [LoggerMessage(18, LogLevel.Information, "Discord gateway connection ended: {Why}; reconnecting in {Delay} to {Mode}")]
    public static partial void Reconnecting(ILogger logger, string why, TimeSpan delay, string mode);

    [LoggerMessage(5, LogLevel.Warning, "No heartbeat ACK from Discord since the previous heartbeat: closing the zombie connection to resume")]
    public static partial void Zombie(ILogger logger);

    [LoggerMessage(19, LogLevel.Warning, "Discord answered the RESUME with neither RESUMED, INVALID_SESSION nor a replayed event within {Timeout}: closing to start a new session")]
    public static partial void ResumeUnanswered(ILogger logger, TimeSpan timeout);

    [LoggerMessage(6, LogLevel.Critical, "{WhatToFix}. The bot stops: reconnecting cannot help")]
    public static partial void Fatal(ILogger logger, string whatToFix);

    [LoggerMessage(7, LogLevel.Debug, "Ignoring gateway dispatch {Event} (sequence {Sequence})")]
    public static partial void IgnoredDispatch(ILogger logger, string? @event, int? sequence);

    [LoggerMessage(8, LogLevel.Debug, "Ignoring gateway opcode {Opcode}")]
    public static partial void IgnoredOpcode(ILogger logger, int opcode);

    [LoggerMessage(9, LogLevel.Warning, "Could not read a gateway frame (op {Opcode}, event {Event}); skipping it: {Reason}")]
    public static partial void UnreadableFrame(ILogger logger, int? opcode, string? @event, string reason);

    [LoggerMessage(10, LogLevel.Warning, "GET /gateway/bot failed ({Kind}: {Message}); will try again")]
    public static partial void GatewayUrlFailed(ILogger logger, string kind, string message);

    [LoggerMessage(11, LogLevel.Debug, "Interaction {InteractionId} ({Type}) queued")]
    public static partial void InteractionQueued(ILogger logger, ulong interactionId, InteractionType type);

    [LoggerMessage(12, LogLevel.Warning, "The interaction queue is full: the gateway waits for room before reading on")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(13, LogLevel.Information, "Closing the Discord gateway connection (shutdown)")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(14, LogLevel.Error, "Unexpected gateway failure; reconnecting in {Delay}")]
    public static partial void UnexpectedFailure(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(15, LogLevel.Debug, "Gateway HELLO: heartbeat every {Interval}, first in {FirstBeat}")]
    public static partial void Hello(ILogger logger, TimeSpan interval, TimeSpan firstBeat);

    [LoggerMessage(16, LogLevel.Warning, "READY's resume_gateway_url '{Url}' is not a ws(s) URL: this session cannot be resumed")]
    public static partial void BadResumeUrl(ILogger logger, string url);

    [LoggerMessage(17, LogLevel.Warning, "The gateway URL '{Url}' from GET /gateway/bot is not a ws(s) URL; will ask again")]
    public static partial void BadGatewayUrl(ILogger logger, string url);
}
