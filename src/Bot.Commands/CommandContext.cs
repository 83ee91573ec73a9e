using Bot.Commands.Definitions;

namespace Bot.Commands;

/// <summary>Who is acting, where, with which permissions, and the knowledge to answer from.</summary>
public abstract record InvocationContext
{
    public required CommandInvoker Invoker { get; init; }

    /// <summary>The server (guild) it happens in, opaque; null in direct messages and on the console.</summary>
    public string? GuildId { get; init; }

    /// <summary>The channel it happens in, opaque; null where the transport has none (the console).</summary>
    public string? ChannelId { get; init; }

    /// <summary>The invoker's permissions where the command was run.</summary>
    public MemberPermission Permissions { get; init; }

    /// <summary>
    /// The bot's own permissions where the command was run, when the transport says (Discord's
    /// <c>app_permissions</c>); null when it does not, and then only trying tells.
    /// </summary>
    public MemberPermission? BotPermissions { get; init; }

    public required IKnowledgeReader Knowledge { get; init; }

    /// <summary>Whether the invoker holds every permission in <paramref name="required"/>; administrators hold them all.</summary>
    public bool HasPermission(MemberPermission required) => Holds(Permissions, required);

    /// <summary>
    /// False only when the transport said what the bot may do here and it lacks something in
    /// <paramref name="required"/>; true when it holds it all, or when the transport did not say.
    /// </summary>
    public bool BotMayHave(MemberPermission required) => BotPermissions is not { } granted || Holds(granted, required);

    private static bool Holds(MemberPermission granted, MemberPermission required) =>
        granted.HasFlag(MemberPermission.Administrator) || (granted & required) == required;
}

/// <summary>One run of a command.</summary>
public sealed record CommandContext : InvocationContext
{
    public required string CommandName { get; init; }

    /// <summary>The subcommand run (<c>schedule</c> of <c>/watchparty schedule</c>); null for a command without subcommands.</summary>
    public string? Subcommand { get; init; }

    /// <summary>The options given: the subcommand's, when one was run.</summary>
    public CommandOptions Options { get; init; } = CommandOptions.Empty;
}

/// <summary>A click on a button a command put on its reply.</summary>
public sealed record ComponentContext : InvocationContext
{
    /// <summary>The button's whole custom id, <c>"{command}:{data}"</c>.</summary>
    public required string CustomId { get; init; }

    /// <summary>What follows the command's name and the separator in <see cref="CustomId"/>.</summary>
    public string Data => CustomIds.TrySplit(CustomId, out _, out var data) ? data : "";

    /// <summary>The message the button is on, opaque; null where the transport has no message ids.</summary>
    public string? MessageId { get; init; }
}

/// <summary>A user typing an option that suggests values: what they have typed so far.</summary>
public sealed record AutocompleteContext : InvocationContext
{
    public required string CommandName { get; init; }

    /// <summary>The subcommand whose option is typed; null for a command without subcommands.</summary>
    public string? Subcommand { get; init; }

    /// <summary>The option being typed.</summary>
    public required string FocusedOption { get; init; }

    /// <summary>What has been typed into it so far, possibly empty; user text, unchecked.</summary>
    public string FocusedValue { get; init; } = "";

    /// <summary>The other options given so far (unchecked: the transport validates only on submit).</summary>
    public CommandOptions Options { get; init; } = CommandOptions.Empty;
}

/// <summary>The person running a command.</summary>
/// <param name="UserId">Opaque: a snowflake on Discord, anything unique on other transports.</param>
/// <param name="DisplayName">How they are shown; user text, escape it before putting it in Markdown.</param>
public sealed record CommandInvoker(string UserId, string DisplayName);
