using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Models.Components;

[SuppressMessage("Naming", "CA1720:Identifiers should not contain type names", Justification = "The members are named as in Discord's API documentation.")]
public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}
