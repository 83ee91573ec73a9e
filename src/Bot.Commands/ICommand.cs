using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Limits;

namespace Bot.Commands;

/// <summary>
/// A command: its definition and what it does. Knows nothing of the transport; returns a
/// <see cref="Reply"/> that an adapter turns into a message. Must not throw for anything a user
/// can type; an exception means something is broken, and the dispatcher shows a generic error.
/// </summary>
public interface ICommand
{
    CommandDefinition Definition { get; }

    ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this invocation's reply will be shown only to its invoker, known before it runs: a
    /// transport that must acknowledge before the reply is ready fixes the visibility then.
    /// </summary>
    bool RepliesEphemerally(CommandOptions options) => Definition.Ephemeral;

    /// <summary>As <see cref="RepliesEphemerally(CommandOptions)"/>, for a command whose visibility depends on the subcommand run.</summary>
    bool RepliesEphemerally(string? subcommand, CommandOptions options) => RepliesEphemerally(options);
}

/// <summary>
/// A command that puts buttons on its replies and handles their clicks. Its buttons' custom ids
/// start with <c>"{name}:"</c> (see <see cref="CustomIds"/>), which is how clicks find their way back.
/// </summary>
public interface IComponentCommand : ICommand
{
    ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken);

    /// <summary>
    /// What the click's reply will be, told from the custom id alone before the click is handled:
    /// a transport that must acknowledge a slow click first fixes then whether the reply replaces
    /// the message or comes as a new one, and who sees it. The reply's <see cref="Reply.Kind"/> and
    /// <see cref="Reply.Ephemeral"/> must agree with it. By default a click replaces the message.
    /// </summary>
    ComponentReplyPlan PlanComponent(string customId) => ComponentReplyPlan.UpdateMessage;

    /// <summary>
    /// <see cref="PlanComponent(string)"/> for a click by <paramref name="invokerId"/>: a command
    /// whose reply depends on who clicks (a member over the cooldown gets a private note, not the
    /// page) plans with this one.
    /// </summary>
    ComponentReplyPlan PlanComponent(string customId, string invokerId) => PlanComponent(customId);
}

/// <summary>How a click will be answered; see <see cref="IComponentCommand.PlanComponent(string)"/>.</summary>
public enum ComponentReplyPlan
{
    /// <summary>The reply replaces the message the button is on (<see cref="ReplyKind.UpdateMessage"/>).</summary>
    UpdateMessage,

    /// <summary>A new message only the clicker sees.</summary>
    EphemeralMessage,

    /// <summary>A new message everyone in the channel sees.</summary>
    PublicMessage,
}

/// <summary>
/// A command with an option that suggests values while the user types it (an option defined with
/// <see cref="CommandOptionDefinition.Autocomplete"/>). Suggestions cannot be deferred: they must be
/// ready within the transport's window (3 seconds on Discord), so answer from memory.
/// </summary>
public interface IAutocompleteCommand : ICommand
{
    /// <summary>
    /// Up to <see cref="DiscordLimits.AutocompleteChoices"/> suggestions for <see cref="AutocompleteContext.FocusedOption"/>,
    /// best first; empty when there are none. Must not throw for anything typed.
    /// </summary>
    ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(AutocompleteContext context, CancellationToken cancellationToken);
}
