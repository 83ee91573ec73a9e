using Bot.Commands.Hosting;
using Bot.Commands.Replies;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Commands.Tests.Support;

/// <summary>
/// The shipped knowledge folder indexed on disk in a temp folder, words only (no sentence model,
/// for speed), and the commands wired over it by <see cref="CommandServiceCollectionExtensions.AddBotCommands"/>
/// in a real container, as the bot wires them.
/// </summary>
public sealed class ShippedKnowledgeFixture : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly ServiceProvider services;

    public ShippedKnowledgeFixture()
    {
        var store = new KnowledgeStore(KnowledgeIndex.Open(temp.Combine("index")));
        new KnowledgeSynchronizer(store, TestPaths.ShippedKnowledge, 4 * 1024 * 1024, NullLogger.Instance).Synchronize();
        services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton<AnswerEngine>()
            .AddBotCommands()
            .BuildServiceProvider();
        Catalog = services.GetRequiredService<CommandCatalog>();
        Knowledge = services.GetRequiredService<IKnowledgeReader>();
    }

    public CommandCatalog Catalog { get; }

    public IKnowledgeReader Knowledge { get; }

    public CommandContext Context(string command, params (string Name, object Value)[] options) =>
        Contexts.Command(Knowledge, command, options);

    /// <summary>Runs a command as a member of a server would.</summary>
    public async Task<Reply> RunAsync(string command, params (string Name, object Value)[] options)
    {
        var handler = Catalog.Find(command) ?? throw new InvalidOperationException($"No command /{command}");
        return await handler.ExecuteAsync(Context(command, options), CancellationToken.None);
    }

    public void Dispose()
    {
        services.Dispose(); // disposes the store, and with it the index
        temp.Dispose();
    }
}

internal static class Contexts
{
    public static CommandContext Command(IKnowledgeReader knowledge, string command, params (string Name, object Value)[] options) => new()
    {
        CommandName = command,
        Options = CommandOptions.Of(options),
        Invoker = new CommandInvoker("1234567890", "Member"),
        GuildId = "42",
        Knowledge = knowledge,
    };
}
