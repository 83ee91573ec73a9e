using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Models.Commands;

[SuppressMessage("Naming", "CA1720:Identifiers should not contain type names", Justification = "The kinds mirror Discord's option types, named as in its API documentation.")]
public enum OptionValueKind
{
    /// <summary><c>default(OptionValue)</c>: no value.</summary>
    None,
    String,

    /// <summary>A JSON number without fraction that fits a long.</summary>
    Integer,

    /// <summary>Any other JSON number.</summary>
    Number,
    Boolean,
}
