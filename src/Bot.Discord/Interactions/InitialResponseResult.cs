using System.Diagnostics.CodeAnalysis;
using Bot.Discord.Models.Messages;
using Bot.Discord.Rest;

namespace Bot.Discord.Interactions;

/// <summary>How an initial response went: sent (with the message it made, when asked for and the transport returns it), or a named error.</summary>
public sealed class InitialResponseResult
{
    private InitialResponseResult(Message? message, DiscordRestError? error)
    {
        Message = message;
        Error = error;
    }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The message the response created or updated; null when none was asked for or returned.</summary>
    public Message? Message { get; }

    public DiscordRestError? Error { get; }

    public static InitialResponseResult Sent(Message? message = null) => new(message, null);

    public static InitialResponseResult Failed(DiscordRestError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    public static InitialResponseResult From(RestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess ? Sent() : Failed(result.Error);
    }

    public override string ToString() => IsSuccess ? $"Sent({Message?.Id})" : $"Failed({Error.Kind}: {Error.Message})";
}
