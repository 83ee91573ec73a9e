namespace Bot.Discord.Models.Commands;

/// <summary>Where an app is installed.</summary>
public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}
