using Bot.Commands.Definitions;
using Bot.Commands.Replies;

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
}

/// <summary>
/// A command that puts buttons on its replies and handles their clicks. Its buttons' custom ids
/// start with <c>"{name}:"</c> (see <see cref="CustomIds"/>), which is how clicks find their way back.
/// </summary>
public interface IComponentCommand : ICommand
{
    ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken);
}
