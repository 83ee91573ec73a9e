using Bot.Commands.Definitions;
using Bot.Commands.Help;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;

namespace Bot.Commands.Tests;

/// <summary>/help, written from the catalog's definitions.</summary>
public class HelpCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    [Fact]
    public async Task Help_lists_every_catalog_command_with_its_description_and_options()
    {
        var reply = await knowledge.RunAsync("help");

        Assert.True(reply.Ephemeral);
        ReplyAssert.WithinDiscordLimits(reply);
        var fields = reply.Embeds.SelectMany(e => e.Fields).ToArray();
        Assert.Equal(FieldCount(), fields.Length);
        foreach (var definition in knowledge.Catalog.Definitions.Where(d => !d.HasSubcommands))
        {
            var field = Assert.Single(fields, f => f.Name.StartsWith($"`/{definition.Name}", StringComparison.Ordinal));
            Assert.Contains(definition.Description, field.Value);
            foreach (var option in definition.Options)
            {
                Assert.Contains(option.Name, field.Name);
                Assert.Contains($"`{option.Name}`", field.Value);
                Assert.Contains(option.Description, field.Value);
            }
        }
    }

    [Fact]
    public async Task Help_lists_each_subcommand_with_its_options_and_the_permission_it_needs()
    {
        var reply = await knowledge.RunAsync("help");

        var fields = reply.Embeds.SelectMany(e => e.Fields).ToDictionary(f => f.Name, f => f.Value);
        Assert.Contains("`/trivia play`", fields.Keys);
        Assert.Contains("`/trivia leaderboard`", fields.Keys);
        Assert.Contains("`/watchparty where`", fields.Keys);
        Assert.Contains("`/watchparty prompt`", fields.Keys);
        var schedule = fields["`/watchparty schedule start [channel] [title] [timezone]`"];
        Assert.Contains("`start` (text, required", schedule);
        Assert.Contains("`channel` (channel, optional)", schedule);
        Assert.Contains("Needs the Create Events permission.", schedule);
        Assert.DoesNotContain("Needs", fields["`/watchparty where`"]);
        Assert.Contains("Needs the Manage Messages permission.", fields["`/unanswered`"]);
        Assert.Contains("`/summary [topic] [pin]`", fields.Keys);
    }

    [Fact]
    public async Task Help_lists_the_member_commands()
    {
        var reply = await knowledge.RunAsync("help");

        var names = reply.Embeds.SelectMany(e => e.Fields).Select(f => f.Name).ToArray();
        Assert.Contains("`/about topic`", names);
        Assert.Contains("`/ask question [private]`", names);
        Assert.Contains("`/search query`", names);
        Assert.Contains("`/sources`", names);
        Assert.Contains("`/help`", names);
        Assert.Empty(reply.Buttons); // one page
    }

    [Fact]
    public async Task Help_shows_ask_usage_with_required_and_optional_options()
    {
        var reply = await knowledge.RunAsync("help");

        var ask = Assert.Single(reply.Embeds.SelectMany(e => e.Fields), f => f.Name.StartsWith("`/ask", StringComparison.Ordinal));
        Assert.Equal("`/ask question [private]`", ask.Name);
        Assert.Contains("required, up to 300 characters", ask.Value);
        Assert.Contains("optional", ask.Value);
    }

    [Fact]
    public async Task Help_for_many_commands_spreads_them_over_embeds_within_limits()
    {
        var commands = Enumerable.Range(0, 60)
            .Select(i => new FakeCommand(new CommandDefinition($"command-{i:00}", $"Does thing number {i} for the community")
            {
                Options = [new("target", "Where to do it", OptionKind.Channel, Required: true), new("note", "Why", OptionKind.String) { MaxLength = 200 }],
                RequiredPermission = i % 3 == 0 ? MemberPermission.ManageMessages | MemberPermission.PinMessages : MemberPermission.None,
            }))
            .ToList<ICommand>();
        var catalog = new CommandCatalog(commands);
        var help = new HelpCommand(() => catalog.Definitions);

        var first = await help.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "help"), CancellationToken.None);

        // Click Next until it is disabled, as a member would.
        var pages = new List<Reply> { first };
        while (pages[^1].Buttons.SingleOrDefault(b => b.Label == "Next") is { Disabled: false } next && pages.Count < 20)
        {
            Assert.StartsWith("help:", next.CustomId);
            pages.Add(await help.HandleComponentAsync(Click(next.CustomId), CancellationToken.None));
        }

        Assert.True(pages.Count > 1);
        Assert.All(pages, ReplyAssert.WithinDiscordLimits);
        Assert.All(pages, p => Assert.True(p.Ephemeral));
        Assert.All(pages.Skip(1), p => Assert.Equal(ReplyKind.UpdateMessage, p.Kind));
        Assert.True(pages[0].Buttons.Single(b => b.Label == "Previous").Disabled);
        var listed = pages.SelectMany(p => p.Embeds).SelectMany(e => e.Fields).ToArray();
        Assert.Equal(catalog.Definitions.Select(d => $"`/{d.Name} target [note]`"), listed.Select(f => f.Name));
        Assert.All(listed, f => Assert.DoesNotContain("…", f.Value));
        Assert.Contains(listed, f => f.Value.Contains("Needs the Manage Messages and Pin Messages permission."));
        Assert.Equal($"Page {pages.Count} of {pages.Count}", pages[^1].Embeds[0].Footer);

        var back = await help.HandleComponentAsync(Click(pages[^1].Buttons.Single(b => b.Label == "Previous").CustomId), CancellationToken.None);
        Assert.Equal(pages[^2].Embeds[0].Fields, back.Embeds[0].Fields);
    }

    [Theory]
    [InlineData("help:page:999")]
    [InlineData("help:page:-5")]
    [InlineData("help:page:x")]
    [InlineData("help:")]
    public async Task Click_with_a_stale_or_forged_page_shows_a_real_page(string customId)
    {
        var help = knowledge.Catalog.FindComponentOwner(customId);

        Assert.IsType<HelpCommand>(help);
        var reply = await help.HandleComponentAsync(Click(customId), CancellationToken.None);

        ReplyAssert.WithinDiscordLimits(reply);
        Assert.Equal(FieldCount(), reply.Embeds[0].Fields.Count);
        Assert.Empty(reply.Buttons); // the shipped commands fit on one page
    }

    /// <summary>One field per command, or per subcommand of a command that has them.</summary>
    private int FieldCount() => knowledge.Catalog.Definitions.Sum(d => Math.Max(1, d.Subcommands.Count));

    private ComponentContext Click(string customId) => new()
    {
        CustomId = customId,
        Invoker = new CommandInvoker("1234567890", "Member"),
        Knowledge = knowledge.Knowledge,
    };

    [Fact]
    public async Task Help_escapes_markdown_in_descriptions()
    {
        var catalog = new CommandCatalog([new FakeCommand("pin_message", "Pins a *message* to the channel")]);
        var help = new HelpCommand(() => catalog.Definitions);

        var reply = await help.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "help"), CancellationToken.None);

        var field = Assert.Single(reply.Embeds.SelectMany(e => e.Fields));
        Assert.Equal("`/pin_message`", field.Name);
        Assert.Contains(@"Pins a \*message\* to the channel", field.Value);
    }
}
