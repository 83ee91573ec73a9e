namespace Bot.Limits;

// Compiled into Bot.Discord, where the dispatcher's reply policy fits every message to these
// limits, and into Bot.Commands, which lays its pages and custom ids out within them (it stays
// transport-neutral: no reference to Bot.Discord). Internal in both, so the numbers are written once.

/// <summary>Discord's documented message limits, in characters (counted as UTF-16 code units here, which never undercounts).</summary>
internal static class DiscordLimits
{
    public const int ContentLength = 2000;
    public const int EmbedTitleLength = 256;
    public const int EmbedDescriptionLength = 4096;
    public const int EmbedFieldNameLength = 256;
    public const int EmbedFieldValueLength = 1024;
    public const int EmbedFooterLength = 2048;
    public const int EmbedAuthorNameLength = 256;
    public const int EmbedFields = 25;

    /// <summary>Titles, descriptions, field names and values, footers and author names, summed over all embeds of a message.</summary>
    public const int EmbedTotalLength = 6000;

    public const int Embeds = 10;

    /// <summary>An embed's link.</summary>
    public const int EmbedUrlLength = 2048;

    public const int ButtonsPerRow = 5;
    public const int ActionRows = 5;
    public const int Buttons = ButtonsPerRow * ActionRows;
    public const int ButtonLabelLength = 80;
    public const int CustomIdLength = 100;

    /// <summary>Options of a string select, and the length of each one's label, value and description.</summary>
    public const int SelectOptions = 25;

    public const int SelectOptionTextLength = 100;
    public const int SelectPlaceholderLength = 150;

    /// <summary>Suggestions in one autocomplete answer.</summary>
    public const int AutocompleteChoices = 25;

    public const int ChoiceNameLength = 100;

    /// <summary>A text choice's value: what is submitted when the suggestion is picked.</summary>
    public const int ChoiceValueLength = 100;
}
