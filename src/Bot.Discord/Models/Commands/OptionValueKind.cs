namespace Bot.Discord.Models.Commands;

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
