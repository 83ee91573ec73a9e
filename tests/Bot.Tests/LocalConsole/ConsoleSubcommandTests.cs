using Bot.Cli.LocalConsole;
using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Answering;

namespace Bot.Tests.LocalConsole;

/// <summary>The console with a command of subcommands, and a reply that asks for work once it is a message.</summary>
public sealed class ConsoleSubcommandTests
{
    private readonly StringWriter _output = new();
    private readonly PartyCommand _party = new();
    private readonly ConsoleSession _session;

    public ConsoleSubcommandTests()
    {
        _session = new ConsoleSession(new CommandCatalog([_party]), new NoKnowledge(), _output, ansi: false);
    }

    private async Task<string> Type(string line)
    {
        _output.GetStringBuilder().Clear();
        Assert.True(await _session.HandleAsync(line, CancellationToken.None));
        return _output.ToString().TrimEnd().ReplaceLineEndings("\n");
    }

    [Fact]
    public async Task The_subcommand_comes_first_then_its_options_positional_or_named()
    {
        Assert.Equal("plan when=tomorrow 20:00 zone=Europe/Paris channel=123 in console", await Type("/party plan tomorrow 20:00 zone:Europe/Paris channel:<#123>"));
        Assert.Equal("plan when=in 2h zone= channel= in console", await Type("/party PLAN when:in 2h"));
        Assert.Equal("wrap-up", await Type("/party wrapup"));
    }

    [Fact]
    public async Task A_missing_or_unknown_subcommand_and_missing_options_are_explained()
    {
        Assert.Equal("/party needs one of plan, wrapup, pin, e.g. /party plan", await Type("/party"));
        Assert.Equal("/party has no dance; it takes plan, wrapup, pin.", await Type("/party dance"));
        Assert.Equal("/party plan needs when (When it starts), e.g. /party plan …", await Type("/party plan zone:UTC"));
        Assert.Equal("/party wrapup takes no options.", await Type("/party wrapup now"));
    }

    [Fact]
    public async Task Tab_after_the_command_offers_its_subcommands()
    {
        var all = await _session.CompleteAsync("/party ", CancellationToken.None);
        var some = await _session.CompleteAsync("/party p", CancellationToken.None);

        Assert.Equal(["plan", "wrapup", "pin"], all!.Choices.Select(c => c.Value));
        Assert.Equal(["plan", "pin"], some!.Choices.Select(c => c.Value));
        Assert.Equal(7, some.ReplaceFrom);
        Assert.True(some.IsCommandName);
        Assert.Equal("Suggestions for subcommand:\n  plan\n  pin", ConsoleSession.Describe(some).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Work_asked_for_once_the_reply_is_a_message_runs_after_it_is_printed_and_its_note_follows()
    {
        var shown = await Type("/party pin");

        Assert.Equal("pinned soon\n\npinned console/1\n(only you would see this on Discord)", shown);
        Assert.Equal(("console", "1"), _party.Sent);
    }

    private sealed class PartyCommand : ICommand
    {
        public (string? Channel, string Message)? Sent { get; private set; }

        public CommandDefinition Definition { get; } = new("party", "Parties")
        {
            Subcommands =
            [
                new("plan", "Plan one")
                {
                    Options =
                    [
                        new("when", "When it starts", OptionKind.String, Required: true),
                        new("zone", "Time zone", OptionKind.String),
                        new("channel", "Where", OptionKind.Channel) { ChannelKinds = [ChannelKind.Voice] },
                    ],
                },
                new("wrapup", "End it"),
                new("pin", "Pin it"),
            ],
        };

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => ValueTask.FromResult(context.Subcommand switch
        {
            "plan" => Reply.Text($"plan when={context.Options.GetString("when")} zone={context.Options.GetString("zone")} channel={context.Options.GetChannel("channel")?.Id} in {context.ChannelId}"),
            "pin" => Reply.Text("pinned soon") with
            {
                WhenSent = (sent, _) =>
                {
                    Sent = (sent.ChannelId, sent.MessageId);
                    return ValueTask.FromResult<Reply?>(Reply.Text($"pinned {sent.ChannelId}/{sent.MessageId}"));
                },
            },
            _ => Reply.Text("wrap-up"),
        });
    }

    private sealed class NoKnowledge : IKnowledgeReader
    {
        public bool IsReady => true;

        public Answer Ask(string question) => throw new InvalidOperationException("These commands do not ask.");
    }
}
