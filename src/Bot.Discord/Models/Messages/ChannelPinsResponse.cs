namespace Bot.Discord.Models.Messages;

/// <summary>Response of <c>GET /channels/{channel.id}/messages/pins</c>, newest first.</summary>
public sealed record ChannelPinsResponse
{
    public IReadOnlyList<MessagePin> Items { get; init; } = [];

    /// <summary>More pins exist; ask again with <c>before</c> = the last <see cref="MessagePin.PinnedAt"/>.</summary>
    public bool HasMore { get; init; }
}
