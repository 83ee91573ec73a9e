namespace Bot.Discord.Models.Components;

/// <summary>Button styles; <see cref="Link"/> and <see cref="Premium"/> send no interaction.</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
    Premium = 6,
}
