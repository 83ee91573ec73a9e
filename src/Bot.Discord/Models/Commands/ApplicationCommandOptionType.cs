using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Models.Commands;

[SuppressMessage("Naming", "CA1720:Identifiers should not contain type names", Justification = "The members are named as in Discord's API documentation.")]
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,

    /// <summary>Integer between -(2^53-1) and 2^53-1.</summary>
    Integer = 4,
    Boolean = 5,

    /// <summary>The value is a user id; the object is in <c>resolved</c>.</summary>
    User = 6,

    /// <summary>The value is a channel id (categories included).</summary>
    Channel = 7,
    Role = 8,

    /// <summary>A user or role id.</summary>
    Mentionable = 9,

    /// <summary>A double.</summary>
    Number = 10,

    /// <summary>The value is an attachment id.</summary>
    Attachment = 11,
}
