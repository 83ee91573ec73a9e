namespace Bot.Discord.Models.Components;

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}
