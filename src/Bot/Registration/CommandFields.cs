using System.Globalization;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;

namespace Bot.Registration;

/// <summary>
/// The fields of a command that a bulk overwrite sets, in order, each as a path and a value written one
/// way: two commands with the same fields would look and behave the same to members, so registering one
/// over the other changes nothing. Discord's list answers with more than we send and leaves out defaults
/// (<c>required</c> only when true, no <c>options</c> when there are none), so the values are normalized:
/// an absent field reads as Discord's documented default. What Discord adds (id, application id, version,
/// guild id, localized names) is not a field here; neither are <c>contexts</c> and <c>integration_types</c>
/// unless our command sets them, because Discord fills them in from the application's settings. The bot
/// sends no localizations, and the list Discord returns leaves them out, so they are not compared either.
/// </summary>
internal static class CommandFields
{
    /// <summary>Discord's default <c>contexts</c> for a new command: every context.</summary>
    private static readonly InteractionContextType[] AllContexts = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];

    /// <summary>The key by which Discord tells commands apart in one scope: name and type.</summary>
    public static string Key(ApplicationCommand command) =>
        (command.Type ?? ApplicationCommandType.ChatInput) == ApplicationCommandType.ChatInput
            ? command.Name
            : $"{command.Name} ({command.Type})";

    /// <summary>
    /// The fields of <paramref name="command"/>; <paramref name="ours"/> (the definition it is compared with,
    /// or itself) decides whether the fields Discord may fill in on its own are compared.
    /// </summary>
    public static IReadOnlyList<(string Path, string Value)> Of(ApplicationCommand command, ApplicationCommand ours)
    {
        var fields = new List<(string, string)>
        {
            ("type", Number((int)(command.Type ?? ApplicationCommandType.ChatInput))),
            ("name", command.Name),
            ("description", command.Description ?? ""),
            ("default_member_permissions", command.DefaultMemberPermissions.GetValueOrDefault() is { } permissions
                ? ((ulong)permissions).ToString(CultureInfo.InvariantCulture)
                : "everyone"),
            ("nsfw", Flag(command.Nsfw)),
        };
        if (ours.Contexts.GetValueOrDefault() is not null)
            fields.Add(("contexts", Set(command.Contexts.GetValueOrDefault() ?? AllContexts)));

        if (ours.IntegrationTypes is not null)
            fields.Add(("integration_types", Set(command.IntegrationTypes ?? [ApplicationIntegrationType.GuildInstall])));

        AddOptions(fields, "", command.Options);
        return fields;
    }

    /// <summary>
    /// Options by name under their parent's path, plus the order of their names, which members see (and
    /// which puts required options first). Choices keep their order too: it is the order of the picker.
    /// </summary>
    private static void AddOptions(List<(string, string)> fields, string parent, IReadOnlyList<ApplicationCommandOption>? options)
    {
        options ??= [];
        fields.Add((parent + "options", string.Join(", ", options.Select(o => o.Name))));
        foreach (var option in options)
        {
            var path = parent + option.Name + ".";
            fields.Add((path + "type", Number((int)option.Type)));
            fields.Add((path + "description", option.Description));
            fields.Add((path + "required", Flag(option.Required)));
            fields.Add((path + "autocomplete", Flag(option.Autocomplete)));
            fields.Add((path + "min_value", Number(option.MinValue)));
            fields.Add((path + "max_value", Number(option.MaxValue)));
            fields.Add((path + "min_length", Number(option.MinLength)));
            fields.Add((path + "max_length", Number(option.MaxLength)));

            // Which channels are offered, not in which order: Discord does not promise to keep it.
            fields.Add((path + "channel_types", option.ChannelTypes is { Count: > 0 } channels ? Set(channels) : "any"));
            fields.Add((path + "choices", string.Join(", ", (option.Choices ?? []).Select(Choice))));
            if (option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup)
                AddOptions(fields, path, option.Options);
        }
    }

    /// <summary>A choice's name and value; numbers are written as numbers, so 2 and 2.0 are one value.</summary>
    private static string Choice(ApplicationCommandOptionChoice choice) =>
        choice.Value.TryGetDouble(out var number)
            ? $"{choice.Name}={number.ToString("R", CultureInfo.InvariantCulture)}"
            : $"{choice.Name}=\"{choice.Value}\"";

    private static string Flag(bool? value) => value == true ? "true" : "false";

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";

    private static string Set<T>(IEnumerable<T> values)
        where T : struct, Enum =>
        string.Join(",", values.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).Distinct().Order());
}
