using Bot.Commands.Ask;
using Bot.Commands.Definitions;
using Bot.Commands.Hosting;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Commands.Tests;

/// <summary>Finding commands and routing button clicks back to the command that owns them.</summary>
public class CatalogTests
{
    private readonly CommandCatalog _catalog = new([new AskCommand(), new VoteCommand(), new FakeCommand("echo")]);

    [Fact]
    public async Task Button_click_reaches_the_command_whose_name_starts_its_custom_id()
    {
        var customId = CustomIds.Create(VoteCommand.Name, "yes:3");

        var owner = _catalog.FindComponentOwner(customId);

        Assert.IsType<VoteCommand>(owner);
        var reply = await owner.HandleComponentAsync(new ComponentContext
        {
            CustomId = customId,
            Invoker = new CommandInvoker("1", "Member"),
            Knowledge = new NoKnowledge(),
        }, CancellationToken.None);
        Assert.Equal("voted yes:3", reply.Content);
        Assert.Equal(ReplyKind.UpdateMessage, reply.Kind);
    }

    [Theory]
    [InlineData("echo:1")] // /echo owns no buttons
    [InlineData("unknown:1")]
    [InlineData("vote")]
    [InlineData(":vote")]
    [InlineData("")]
    [InlineData(null)]
    public void Custom_id_no_command_owns_finds_nothing(string? customId)
    {
        Assert.Null(_catalog.FindComponentOwner(customId));
    }

    [Fact]
    public void Custom_id_longer_than_100_characters_cannot_be_made()
    {
        Assert.Equal(100, CustomIds.Create("vote", new string('x', 95)).Length);
        Assert.Throws<ArgumentException>(() => CustomIds.Create("vote", new string('x', 96)));
        Assert.Throws<ArgumentException>(() => CustomIds.Create("vo:te", "x"));
    }

    [Fact]
    public void Permissions_are_checked_as_a_set_and_administrators_hold_them_all()
    {
        var member = Contexts.Command(new NoKnowledge(), "ask") with { Permissions = MemberPermission.ManageMessages };
        var admin = member with { Permissions = MemberPermission.Administrator };

        Assert.True(member.HasPermission(MemberPermission.None));
        Assert.True(member.HasPermission(MemberPermission.ManageMessages));
        Assert.False(member.HasPermission(MemberPermission.ManageMessages | MemberPermission.PinMessages));
        Assert.True(admin.HasPermission(MemberPermission.CreateEvents | MemberPermission.PinMessages));
    }

    [Fact]
    public void Options_of_the_wrong_kind_read_as_missing()
    {
        var options = CommandOptions.Of(("text", "hi"), ("count", 3), ("flag", true));

        Assert.Equal("hi", options.GetString("text"));
        Assert.Equal(3L, options.GetInteger("count"));
        Assert.True(options.GetBoolean("flag"));
        Assert.Null(options.GetInteger("text"));
        Assert.Null(options.GetString("count"));
        Assert.Null(options.GetBoolean("missing"));
        Assert.Throws<ArgumentException>(() => CommandOptions.Of(("when", DateTime.Now)));
    }

    [Fact]
    public void Adding_the_commands_twice_registers_each_once()
    {
        using var temp = new TempFolder();
        var store = new KnowledgeStore(KnowledgeIndex.Open(temp.Combine("index")));
        using var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton<AnswerEngine>()
            .AddBotCommands()
            .AddBotCommands()
            .BuildServiceProvider();

        var catalog = services.GetRequiredService<CommandCatalog>();

        Assert.Equal(["about", "ask", "help", "search", "sources", "summary", "trivia", "unanswered", "watchparty"], catalog.Definitions.Select(d => d.Name));
        Assert.IsType<KnowledgeReader>(services.GetRequiredService<IKnowledgeReader>());
        Assert.Same(NoUnansweredQuestions.Instance, services.GetRequiredService<IUnansweredQuestions>());
        Assert.Single(services.GetServices<IUnansweredQuestions>());
        Assert.Single(services.GetServices<ICommand>(), c => c is AskCommand);
    }

    private sealed class NoKnowledge : IKnowledgeReader
    {
        public bool IsReady => true;

        public Answer Ask(string question) => Answer.NotAnswered(question, Abstention.NothingMatched);
    }
}
