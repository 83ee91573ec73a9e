using System.Text.Json.Serialization;
using Bot.Discord.Models.Channels;

namespace Bot.Discord.Models.Components;

/// <summary>
/// Any message or modal component, legacy or V2. Discord tells the kinds apart only by
/// <see cref="Type"/>, so this one record carries the union of their fields; each kind uses a
/// few and leaves the rest <c>null</c> (never written). The factories below build the common kinds.
/// </summary>
public sealed record Component
{
    public ComponentType Type { get; init; }

    /// <summary>32-bit identifier unique within the message (not a snowflake); Discord fills it in when omitted.</summary>
    public int? Id { get; init; }

    /// <summary>Buttons (styles 1–4), selects, text inputs: echoed back as <c>data.custom_id</c> (1–100 chars).</summary>
    public string? CustomId { get; init; }

    /// <summary>A <see cref="ButtonStyle"/> for buttons, a <see cref="TextInputStyle"/> for text inputs.</summary>
    public int? Style { get; init; }

    /// <summary>Button text, or the label of a Label (18) or legacy text input.</summary>
    public string? Label { get; init; }

    public Emoji? Emoji { get; init; }

    /// <summary>Link buttons.</summary>
    public string? Url { get; init; }

    /// <summary>Premium buttons.</summary>
    public ulong? SkuId { get; init; }

    public bool? Disabled { get; init; }

    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    /// <summary>String select, radio group and checkbox group choices.</summary>
    public IReadOnlyList<SelectOption>? Options { get; init; }

    /// <summary>Pre-selected entries of user/role/mentionable/channel selects.</summary>
    public IReadOnlyList<SelectDefaultValue>? DefaultValues { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    /// <summary>Modal inputs.</summary>
    public bool? Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Text input: pre-filled text, or what the user typed in a modal submit.</summary>
    public string? Value { get; init; }

    /// <summary>Modal submit: what the user chose in a select.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Children of action rows, sections and containers.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The single child of a Label (18); <c>component</c> on the wire.</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    /// <summary>Section: the button or thumbnail beside the text.</summary>
    public Component? Accessory { get; init; }

    /// <summary>Text Display: markdown text.</summary>
    public string? Content { get; init; }

    /// <summary>Label and thumbnail descriptions.</summary>
    public string? Description { get; init; }

    /// <summary>Thumbnail image.</summary>
    public UnfurledMediaItem? Media { get; init; }

    /// <summary>Media gallery entries.</summary>
    public IReadOnlyList<MediaGalleryItem>? Items { get; init; }

    /// <summary>File component: an <c>attachment://</c> reference.</summary>
    public UnfurledMediaItem? File { get; init; }

    /// <summary>File component, received: file name and size in bytes.</summary>
    public string? Name { get; init; }

    public int? Size { get; init; }

    public bool? Spoiler { get; init; }

    /// <summary>Separator: draw a line.</summary>
    public bool? Divider { get; init; }

    /// <summary>Separator: 1 small, 2 large.</summary>
    public int? Spacing { get; init; }

    /// <summary>Container: RGB accent colour.</summary>
    public int? AccentColor { get; init; }

    public static Component ActionRow(params IReadOnlyList<Component> components) =>
        new() { Type = ComponentType.ActionRow, Components = components };

    /// <summary>An interactive button (styles 1–4).</summary>
    public static Component Button(ButtonStyle style, string label, string customId, bool? disabled = null) =>
        new() { Type = ComponentType.Button, Style = (int)style, Label = label, CustomId = customId, Disabled = disabled };

    public static Component LinkButton(string label, string url) =>
        new() { Type = ComponentType.Button, Style = (int)ButtonStyle.Link, Label = label, Url = url };

    public static Component StringSelect(
        string customId,
        IReadOnlyList<SelectOption> options,
        string? placeholder = null,
        int? minValues = null,
        int? maxValues = null) =>
        new()
        {
            Type = ComponentType.StringSelect,
            CustomId = customId,
            Options = options,
            Placeholder = placeholder,
            MinValues = minValues,
            MaxValues = maxValues,
        };

    public static Component TextInput(string customId, TextInputStyle style, bool? required = null, int? maxLength = null) =>
        new() { Type = ComponentType.TextInput, CustomId = customId, Style = (int)style, Required = required, MaxLength = maxLength };

    /// <summary>A modal Label (18) around one input.</summary>
    public static Component LabelFor(string label, Component input, string? description = null) =>
        new() { Type = ComponentType.Label, Label = label, Child = input, Description = description };

    public static Component TextDisplay(string content) =>
        new() { Type = ComponentType.TextDisplay, Content = content };
}
