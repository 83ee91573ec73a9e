namespace Bot.Discord.Models.Components;

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,

    /// <summary>Modals only.</summary>
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,

    /// <summary>Components V2 layout.</summary>
    Section = 9,

    /// <summary>Components V2: the text of a V2 message.</summary>
    TextDisplay = 10,
    Thumbnail = 11,
    MediaGallery = 12,
    File = 13,
    Separator = 14,
    Container = 17,

    /// <summary>Modals only: wraps one input with a label.</summary>
    Label = 18,
    FileUpload = 19,
    RadioGroup = 21,
    CheckboxGroup = 22,
    Checkbox = 23,
}
