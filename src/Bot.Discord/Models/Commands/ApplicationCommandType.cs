namespace Bot.Discord.Models.Commands;

public enum ApplicationCommandType
{
    /// <summary>A slash command.</summary>
    ChatInput = 1,

    /// <summary>Right-click on a user.</summary>
    User = 2,

    /// <summary>Right-click on a message.</summary>
    Message = 3,
    PrimaryEntryPoint = 4,
}
