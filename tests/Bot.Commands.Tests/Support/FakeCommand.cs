using Bot.Commands.Definitions;
using Bot.Commands.Replies;

namespace Bot.Commands.Tests.Support;

/// <summary>A command that only has a definition, for catalogs built in tests.</summary>
internal class FakeCommand(CommandDefinition definition) : ICommand
{
    public FakeCommand(string name, string description = "Does something")
        : this(new CommandDefinition(name, description))
    {
    }

    public CommandDefinition Definition { get; } = definition;

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Reply.Text($"ran /{Definition.Name}"));
}

/// <summary>A command with buttons: a poll whose clicks come back as <c>vote:{choice}</c>.</summary>
internal sealed class VoteCommand() : FakeCommand(new CommandDefinition(Name, "Start a vote")), IComponentCommand
{
    public const string Name = "vote";

    public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Reply { Content = $"voted {context.Data}", Kind = ReplyKind.UpdateMessage });
}
