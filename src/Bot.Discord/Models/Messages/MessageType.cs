namespace Bot.Discord.Models.Messages;

/// <summary>Message types the bot may meet; other values pass through as numbers.</summary>
public enum MessageType
{
    Default = 0,
    RecipientAdd = 1,
    RecipientRemove = 2,
    Call = 3,
    ChannelNameChange = 4,
    ChannelIconChange = 5,

    /// <summary>The system message Discord posts when a message is pinned.</summary>
    ChannelPinnedMessage = 6,
    UserJoin = 7,
    ThreadCreated = 18,
    Reply = 19,

    /// <summary>A reply to a slash command.</summary>
    ChatInputCommand = 20,
    ThreadStarterMessage = 21,
    ContextMenuCommand = 23,
    AutoModerationAction = 24,
    PollResult = 46,
}
