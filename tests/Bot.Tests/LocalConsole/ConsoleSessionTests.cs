using Bot.Cli.LocalConsole;
using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Answering;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.LocalConsole;

/// <summary>The console's handling of lines, buttons and failures, against small commands of the test's own.</summary>
public sealed class ConsoleSessionTests
{
    private readonly StringWriter _output = new();
    private readonly ConsoleSession _session;
    private readonly PagesCommand _pages = new();
    private readonly TopicsCommand _topics = new();

    public ConsoleSessionTests()
    {
        _session = new ConsoleSession(new CommandCatalog([_pages, _topics, new ModeratorCommand(), new BrokenCommand()]), new NoKnowledge(), _output, ansi: false);
    }

    private async Task<string> Type(string line)
    {
        _output.GetStringBuilder().Clear();
        Assert.True(await _session.HandleAsync(line, CancellationToken.None));
        return _output.ToString().TrimEnd();
    }

    [Fact]
    public async Task Buttons_are_listed_by_number_and_typing_one_presses_it()
    {
        var shown = await Type("/pages caleb mission count:3");

        Assert.Equal(
            """
            topic=caleb mission count=3
            [1] More passages  [2] Share  [3] Gone (disabled)
            """.ReplaceLineEndings("\n"),
            shown.ReplaceLineEndings("\n"));
        Assert.Equal("(the message is updated)\npage 2 of caleb mission\n[1] Back", (await Type("1")).ReplaceLineEndings("\n"));
        Assert.Equal("pages:more", _pages.LastCustomId);
    }

    [Fact]
    public async Task A_new_message_from_a_button_brings_its_own_buttons_and_a_message_without_buttons_clears_them()
    {
        await Type("/pages caleb");

        Assert.Equal("shared caleb", await Type("2"));
        Assert.Equal("The last message has no buttons to press.", await Type("1"));
    }

    [Fact]
    public async Task Disabled_and_missing_buttons_say_so()
    {
        await Type("/pages caleb");

        Assert.Equal("[3] Gone is disabled.", await Type("3"));
        Assert.Equal("The last message has buttons 1 to 3.", await Type("4"));
        Assert.Equal("The last message has buttons 1 to 3.", await Type("0"));
        Assert.Null(_pages.LastCustomId);
    }

    [Fact]
    public async Task Commands_run_outside_any_guild_with_every_permission_so_moderators_commands_work()
    {
        Assert.Equal("allowed; guild none; invoker console", await Type("/moderate"));
    }

    [Fact]
    public async Task A_command_that_throws_is_reported_in_one_line_and_the_session_goes_on()
    {
        Assert.Equal("The command failed: InvalidOperationException: the index is broken", await Type("/broken"));
        Assert.StartsWith("topic=caleb", await Type("/pages caleb"));
    }

    [Fact]
    public async Task Exit_quit_and_their_slash_forms_leave()
    {
        foreach (var line in new[] { "exit", " QUIT ", "/exit", "/quit" })
            Assert.False(await _session.HandleAsync(line, CancellationToken.None));
    }

    [Fact]
    public async Task Tab_on_a_slash_offers_the_command_names_that_fit()
    {
        var all = await _session.CompleteAsync("/", CancellationToken.None);
        var some = await _session.CompleteAsync("  /Mo", CancellationToken.None);

        Assert.Equal(["broken", "moderate", "pages", "topics"], all!.Choices.Select(c => c.Value));
        Assert.True(some!.IsCommandName);
        Assert.Equal(3, some.ReplaceFrom);
        Assert.Equal("moderate", Assert.Single(some.Choices).Value);
    }

    [Fact]
    public async Task An_option_without_suggestions_completes_nothing_and_a_trailing_question_mark_is_part_of_the_text()
    {
        Assert.Null(await _session.CompleteAsync("/pages cal", CancellationToken.None));
        Assert.StartsWith("topic=who is caleb?", await Type("/pages who is caleb?"));
    }

    [Fact]
    public async Task A_trailing_question_mark_on_an_option_with_suggestions_lists_them_instead_of_running()
    {
        Assert.Equal(
            """
            Suggestions for name:
              Madeleine Gavin
              Mad Max (not in the film)
            """.ReplaceLineEndings("\n"),
            (await Type("/topics mad?")).ReplaceLineEndings("\n"));
        Assert.Equal("", _topics.Ran);
        Assert.Equal(("name", "mad"), (_topics.Last!.FocusedOption, _topics.Last.FocusedValue));
        Assert.Null(_topics.Last.GuildId);
        Assert.Equal(ConsoleSession.AllPermissions, _topics.Last.Permissions);
    }

    [Fact]
    public async Task Suggestions_are_asked_with_the_other_options_typed_so_far()
    {
        Assert.Equal("No suggestions for name matching 'zz'.", await Type("/topics kind:person limit:2 name:zz?"));

        Assert.Equal("person", _topics.Last!.Options.GetString("kind"));
        Assert.Equal(2, _topics.Last.Options.GetInteger("limit"));
        Assert.False(_topics.Last.Options.Has("name"));
    }

    [Fact]
    public async Task With_nothing_typed_yet_the_positional_option_is_completed()
    {
        var completion = await _session.CompleteAsync("/topics ", CancellationToken.None);

        Assert.Equal("name", completion!.Option!.Name);
        Assert.Equal("/topics ".Length, completion.ReplaceFrom);
        Assert.Equal(3, completion.Choices.Count);
    }

    [Fact]
    public async Task Tab_completion_replaces_what_was_typed_from_where_the_value_starts()
    {
        var completion = await _session.CompleteAsync("/topics kind:person name: gav", CancellationToken.None);

        Assert.Equal("/topics kind:person name: ".Length, completion!.ReplaceFrom);
        Assert.Equal("gav", completion.Typed);
        Assert.Equal("Madeleine Gavin", Assert.Single(completion.Choices).Value);
    }

    [Fact]
    public async Task The_chosen_value_runs_the_command()
    {
        Assert.Equal("about Madeleine Gavin", await Type("/topics Madeleine Gavin"));
    }

    [Fact]
    public void Replies_print_content_embeds_fields_footer_and_link_behind_a_bar()
    {
        var reply = new Reply
        {
            Content = "> a **question**",
            Embeds =
            [
                new ReplyEmbed
                {
                    Title = "Title",
                    Url = "https://example.org/film",
                    Description = "Line one with **bold**\nline two",
                    Fields = [new ReplyEmbedField("Field", "value \\*not bold\\*")],
                    Footer = "Source: somewhere",
                },
            ],
            Ephemeral = true,
        };

        Assert.Equal(
            """
            > a **question**
            │ Title
            │ https://example.org/film
            │
            │ Line one with **bold**
            │ line two
            │
            │ Field
            │ value \*not bold\*
            │
            │ Source: somewhere
            (only you would see this on Discord)
            """.ReplaceLineEndings("\n"),
            ReplyText.Render(reply, ansi: false).ReplaceLineEndings("\n"));

        var terminal = ReplyText.Render(reply, ansi: true);
        Assert.Contains("> a \u001b[1mquestion\u001b[22m", terminal);
        Assert.Contains("│ \u001b[1mTitle\u001b[22m", terminal);
        Assert.Contains("│ value *not bold*", terminal);
    }

    [Fact]
    public void On_a_terminal_discords_timestamps_read_as_dates_and_relative_times_in_the_terminals_zone()
    {
        // 2026-12-07 16:57:00 UTC; Paris is an hour ahead in December.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 16, 57, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var reply = new Reply
        {
            Content = "asked twice, last <t:1796660220:d>; you can ask again <t:1796662640:R>",
            Embeds = [new ReplyEmbed { Description = "starts <t:1796670000:F>, <t:1796670000:t>, was <t:1796400000:R>", Fields = [new ReplyEmbedField("When", "<t:1796670000>")] }],
        };

        var terminal = ReplyText.Render(reply, ansi: true, time);

        Assert.Contains("asked twice, last 2026-12-07; you can ask again in 20 seconds", terminal);
        Assert.Contains("starts Monday, 7 December 2026 20:00, 20:00, was 3 days ago", terminal);
        Assert.Contains("│ 7 December 2026 20:00", terminal);

        // Not on a terminal the markup stays as Discord gets it, for scripts that read it.
        Assert.Contains("last <t:1796660220:d>", ReplyText.Render(reply, ansi: false, time));
    }

    [Theory]
    [InlineData(-1, "1 second ago")]
    [InlineData(45, "in 45 seconds")]
    [InlineData(90, "in 2 minutes")]
    [InlineData(-7_200, "2 hours ago")]
    [InlineData(86_400, "in 1 day")]
    [InlineData(-5_184_000, "2 months ago")]
    [InlineData(63_072_000, "in 2 years")]
    public void Relative_times_say_the_largest_unit_that_fits(int seconds, string said) =>
        Assert.Equal(said, DiscordTimestamps.Relative(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Control_characters_from_replies_cannot_drive_the_terminal()
    {
        var text = TerminalText.Markdown("before\u001b[2Jafter\u0007 **bold\u009b", ansi: true);

        Assert.Equal("before␛[2Jafter␇ \u001b[1mbold\uFFFD\u001b[22m", text);
        Assert.Equal("tab\tand\nline", TerminalText.Sanitize("tab\tand\nline"));
    }

    private sealed class PagesCommand : IComponentCommand
    {
        public string? LastCustomId { get; private set; }

        public CommandDefinition Definition { get; } = new("pages", "Pages with buttons")
        {
            Options =
            [
                new("topic", "What it is about", OptionKind.String, Required: true),
                new("count", "How many", OptionKind.Integer),
            ],
        };

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new Reply
            {
                Content = $"topic={context.Options.GetString("topic")}{(context.Options.GetInteger("count") is { } n ? $" count={n}" : "")}",
                Buttons =
                [
                    new("More passages", CustomIds.Create("pages", "more:" + context.Options.GetString("topic"))),
                    new("Share", CustomIds.Create("pages", "share:" + context.Options.GetString("topic"))),
                    new("Gone", CustomIds.Create("pages", "gone"), Disabled: true),
                ],
            });

        public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
        {
            LastCustomId = context.CustomId.StartsWith("pages:more", StringComparison.Ordinal) ? "pages:more" : context.CustomId;
            var topic = context.Data[(context.Data.IndexOf(':') + 1)..];
            return ValueTask.FromResult(context.Data.StartsWith("more:", StringComparison.Ordinal)
                ? new Reply { Content = $"page 2 of {topic}", Buttons = [new("Back", CustomIds.Create("pages", "back"))], Kind = ReplyKind.UpdateMessage }
                : Reply.Text($"shared {topic}"));
        }
    }

    private sealed class TopicsCommand : IAutocompleteCommand
    {
        private static readonly AutocompleteChoice[] All =
        [
            new("Madeleine Gavin", "Madeleine Gavin"),
            new("Mad Max (not in the film)", "Mad Max"),
            new("Caleb Mission", "Caleb Mission"),
        ];

        public AutocompleteContext? Last { get; private set; }

        public string Ran { get; private set; } = "";

        public CommandDefinition Definition { get; } = new("topics", "Topics with suggestions")
        {
            Options =
            [
                new("name", "Who or what", OptionKind.String, Required: true) { Autocomplete = true },
                new("kind", "Person or place", OptionKind.String),
                new("limit", "How many", OptionKind.Integer),
            ],
        };

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            Ran = context.Options.GetString("name")!;
            return ValueTask.FromResult(Reply.Text("about " + Ran));
        }

        public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(AutocompleteContext context, CancellationToken cancellationToken)
        {
            Last = context;
            return ValueTask.FromResult<IReadOnlyList<AutocompleteChoice>>(
                All.Where(c => c.Name.Contains(context.FocusedValue, StringComparison.OrdinalIgnoreCase)).ToArray());
        }
    }

    private sealed class ModeratorCommand : ICommand
    {
        public CommandDefinition Definition { get; } = new("moderate", "For moderators") { RequiredPermission = MemberPermission.ManageGuild | MemberPermission.ManageMessages };

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Reply.Text($"{(context.HasPermission(Definition.RequiredPermission) ? "allowed" : "refused")}; guild {context.GuildId ?? "none"}; invoker {context.Invoker.UserId}"));
    }

    private sealed class BrokenCommand : ICommand
    {
        public CommandDefinition Definition { get; } = new("broken", "Always fails");

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the index is broken");
    }

    private sealed class NoKnowledge : IKnowledgeReader
    {
        public bool IsReady => true;

        public Answer Ask(string question) => throw new InvalidOperationException("These commands do not ask.");
    }
}
