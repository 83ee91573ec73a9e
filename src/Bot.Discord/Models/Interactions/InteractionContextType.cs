namespace Bot.Discord.Models.Interactions;

/// <summary>Where an interaction happened, and where a command may be used.</summary>
public enum InteractionContextType
{
    Guild = 0,
    BotDM = 1,
    PrivateChannel = 2,
}
