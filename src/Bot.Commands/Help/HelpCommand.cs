using System.Text;
using System.Text.RegularExpressions;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Limits;

namespace Bot.Commands.Help;

/// <summary>
/// <c>/help</c>: every command with its description and options, written from the definitions
/// (never by hand per command), shown only to the asker. When the list outgrows one message it
/// is split into pages with Previous and Next buttons (custom ids <c>help:page:{n}</c>).
/// </summary>
/// <param name="definitions">The catalog's definitions, read when help is asked for (the catalog holds this command too).</param>
public sealed partial class HelpCommand(Func<IEnumerable<CommandDefinition>> definitions) : IComponentCommand
{
    public const string Name = "help";

    public const string Title = "Commands";

    public const string Introduction =
        "Answers come only from the community's knowledge folder; when it doesn't cover a question, I say so instead of guessing.";

    public CommandDefinition Definition { get; } = new(Name, "List the commands and the options each one takes.") { Ephemeral = true };

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Page(0, ReplyKind.NewMessage));
    }

    /// <summary>A click on Previous or Next: the page it names, in place of the one shown.</summary>
    public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var page = EmbedPages.Parse(context.Data);
        return ValueTask.FromResult(Page(page, ReplyKind.UpdateMessage));
    }

    private Reply Page(int index, ReplyKind kind)
    {
        var pages = EmbedPages.Split(definitions().OrderBy(d => d.Name, StringComparer.Ordinal).SelectMany(DescribeAll), DiscordLimits.EmbedFields);
        index = Math.Clamp(index, 0, pages.Count - 1);
        var embed = new ReplyEmbed
        {
            Title = Title,
            Description = Introduction,
            Fields = pages[index],
            Footer = pages.Count > 1 ? $"Page {index + 1} of {pages.Count}" : null,
        };
        var buttons = EmbedPages.Buttons(index, pages.Count, PageId);
        return new Reply { Embeds = [embed], Buttons = buttons, Ephemeral = Definition.Ephemeral, Kind = kind };
    }

    private static string PageId(int index) => CustomIds.Create(Name, EmbedPages.Data(index));

    /// <summary>
    /// The fields of one command: one for the command itself, or one per subcommand (its usage,
    /// <c>/watchparty schedule start [channel]</c>, as the name) when it has subcommands.
    /// </summary>
    public static IEnumerable<ReplyEmbedField> DescribeAll(CommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!definition.HasSubcommands)
            return [Describe(definition)];
        return definition.Subcommands.Select(subcommand => Field(
            $"/{definition.Name} {subcommand.Name}",
            subcommand.Description,
            subcommand.Options,
            definition.RequiredPermission | subcommand.RequiredPermission,
            definition.Ephemeral));
    }

    /// <summary>
    /// One field per command: its usage (<c>/ask question [private]</c>) as the name; its
    /// description, options, required permission and visibility as the value.
    /// </summary>
    public static ReplyEmbedField Describe(CommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.HasSubcommands)
        {
            // A command with subcommands cannot be run by itself: name them.
            var names = string.Join('|', definition.Subcommands.Select(s => s.Name));
            return Field($"/{definition.Name} {names}", definition.Description, [], definition.RequiredPermission, definition.Ephemeral);
        }

        return Field($"/{definition.Name}", definition.Description, definition.Options, definition.RequiredPermission, definition.Ephemeral);
    }

    private static ReplyEmbedField Field(string invocation, string description, IReadOnlyList<CommandOptionDefinition> options, MemberPermission permission, bool ephemeral)
    {
        var usage = new StringBuilder(invocation);
        foreach (var option in options)
            usage.Append(' ').Append(option.Required ? option.Name : $"[{option.Name}]");

        var text = new StringBuilder(Markdown.Escape(description));
        foreach (var option in options)
        {
            text.Append("\n• `").Append(option.Name).Append("` (").Append(KindName(option.Kind))
                .Append(option.Required ? ", required" : ", optional");
            if (option.MaxLength is { } max)
                text.Append(", up to ").Append(max).Append(" characters");
            text.Append("): ").Append(Markdown.Escape(option.Description));
        }

        if (permission != MemberPermission.None)
            text.Append("\nNeeds the ").Append(PermissionNames(permission)).Append(" permission.");
        if (ephemeral)
            text.Append("\nOnly you see the reply.");
        return new ReplyEmbedField(
            $"`{TextLimits.Truncate(usage.ToString(), DiscordLimits.EmbedFieldNameLength - 2)}`",
            text.ToString());
    }

    private static string KindName(OptionKind kind) => kind switch
    {
        OptionKind.String => "text",
        OptionKind.Integer => "whole number",
        OptionKind.Boolean => "true or false",
        OptionKind.Channel => "channel",
        OptionKind.User => "member",
        OptionKind.Role => "role",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>"Manage Messages and Pin Messages".</summary>
    public static string PermissionNames(MemberPermission permissions) =>
        string.Join(" and ", Enum.GetValues<MemberPermission>()
            .Where(p => p != MemberPermission.None && permissions.HasFlag(p))
            .Select(p => WordStart().Replace(p.ToString(), " $1")));

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
