using Bot.Commands.Cooldowns;
using Bot.Commands.Definitions;
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
public sealed class ShippedCommandsFixture : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ServiceProvider _services;

    public ShippedCommandsFixture()
    {
        var store = new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index")));
        new KnowledgeSynchronizer(store, TestPaths.ShippedKnowledge, 4 * 1024 * 1024, NullLogger.Instance).Synchronize();
        _services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton<AnswerEngine>()
            .AddSingleton<IUnansweredQuestions>(Unanswered)
            .AddBotCommands()
            // Tests run many commands as one member; the cooldown has tests of its own.
            .Configure<QuestionCooldownOptions>(o => o.Questions = 0)
            .BuildServiceProvider();
        Catalog = _services.GetRequiredService<CommandCatalog>();
        Knowledge = _services.GetRequiredService<IKnowledgeReader>();
    }

    public CommandCatalog Catalog { get; }

    /// <summary>The container the commands were wired in: the knowledge's summarizer, trivia generator and so on.</summary>
    public IServiceProvider Services => _services;

    public IKnowledgeReader Knowledge { get; }

    /// <summary>What /ask recorded as unanswered, by every test of the class.</summary>
    public RecordingUnansweredQuestions Unanswered { get; } = new();

    public T Command<T>()
        where T : ICommand =>
        Catalog.Commands.OfType<T>().Single();

    /// <summary>Clicks a button as the member who ran the command would.</summary>
    public async Task<Reply> ClickAsync(string customId)
    {
        var owner = Catalog.FindComponentOwner(customId) ?? throw new InvalidOperationException($"No command owns '{customId}'");
        return await owner.HandleComponentAsync(Contexts.Click(Knowledge, customId), CancellationToken.None);
    }

    /// <summary>What the member sees suggested while typing <paramref name="typed"/> into an option.</summary>
    public async Task<IReadOnlyList<AutocompleteChoice>> SuggestAsync(string command, string option, string typed)
    {
        var handler = (IAutocompleteCommand)(Catalog.Find(command) ?? throw new InvalidOperationException($"No command /{command}"));
        return await handler.AutocompleteAsync(Contexts.Autocomplete(Knowledge, command, option, typed), CancellationToken.None);
    }

    public CommandContext Context(string command, params (string Name, object Value)[] options) =>
        Contexts.Command(Knowledge, command, options);

    /// <summary>Runs a command (<c>"ask"</c>, or with its subcommand <c>"watchparty where"</c>) as a member of a server without special permissions would.</summary>
    public Task<Reply> RunAsync(string command, params (string Name, object Value)[] options) =>
        RunAsync(command, MemberPermission.None, options);

    /// <summary>Runs a command (<c>"watchparty schedule"</c>) as a member holding <paramref name="permissions"/> would.</summary>
    public async Task<Reply> RunAsync(string command, MemberPermission permissions, params (string Name, object Value)[] options)
    {
        var parts = command.Split(' ', 2);
        var handler = Catalog.Find(parts[0]) ?? throw new InvalidOperationException($"No command /{parts[0]}");
        var context = Contexts.Command(Knowledge, parts[0], options) with
        {
            Subcommand = parts.Length > 1 ? parts[1] : null,
            Permissions = permissions,
        };
        return await handler.ExecuteAsync(context, CancellationToken.None);
    }

    public void Dispose()
    {
        _services.Dispose(); // disposes the store, and with it the index
        _temp.Dispose();
    }
}

internal static class Contexts
{
    public static ComponentContext Click(IKnowledgeReader knowledge, string customId, string userId = "1234567890") => new()
    {
        CustomId = customId,
        Invoker = new CommandInvoker(userId, "Member"),
        GuildId = "42",
        Knowledge = knowledge,
    };

    public static AutocompleteContext Autocomplete(IKnowledgeReader knowledge, string command, string option, string typed) => new()
    {
        CommandName = command,
        FocusedOption = option,
        FocusedValue = typed,
        Invoker = new CommandInvoker("1234567890", "Member"),
        GuildId = "42",
        Knowledge = knowledge,
    };

    public static CommandContext Command(IKnowledgeReader knowledge, string command, params (string Name, object Value)[] options) => new()
    {
        CommandName = command,
        Options = CommandOptions.Of(options),
        Invoker = new CommandInvoker("1234567890", "Member"),
        GuildId = "42",
        Knowledge = knowledge,
    };
}
