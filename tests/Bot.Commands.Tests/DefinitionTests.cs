using System.Text.RegularExpressions;
using Bot.Commands.Definitions;
using Bot.Commands.Tests.Support;

namespace Bot.Commands.Tests;

/// <summary>The registered definitions, their limits and their fingerprint.</summary>
public partial class DefinitionTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    [Fact]
    public void Catalog_holds_every_member_command()
    {
        Assert.Equal(["about", "ask", "help", "search", "sources", "summary", "trivia", "unanswered", "watchparty"], knowledge.Catalog.Definitions.Select(d => d.Name));
        Assert.Same(knowledge.Catalog.Find("ask"), knowledge.Catalog.Find("ASK"));
        Assert.Null(knowledge.Catalog.Find("nope"));
        Assert.Null(knowledge.Catalog.Find(null));
    }

    [Fact]
    public void Every_registered_definition_satisfies_discords_limits()
    {
        foreach (var definition in knowledge.Catalog.Definitions)
        {
            AssertDiscordName(definition.Name);
            Assert.InRange(definition.Description.Length, 1, 100);
            Assert.False(string.IsNullOrWhiteSpace(definition.Description));
            Assert.InRange(definition.Options.Count, 0, 25);
            Assert.Equal(definition.Options.Count, definition.Options.Select(o => o.Name).Distinct().Count());
            var firstOptional = definition.Options.TakeWhile(o => o.Required).Count();
            Assert.All(definition.Options.Skip(firstOptional), o => Assert.False(o.Required, $"/{definition.Name} {o.Name}: required after optional"));
            foreach (var option in definition.Options)
            {
                AssertDiscordName(option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                if (option.MinLength is { } min)
                    Assert.InRange(min, 0, 6000);
                if (option.MaxLength is { } max)
                    Assert.InRange(max, 1, 6000);
            }

            var total = definition.Name.Length + definition.Description.Length + definition.Options.Sum(o => o.Name.Length + o.Description.Length);
            Assert.InRange(total, 1, 4000);
            Assert.Empty(CommandDefinitionRules.Check(definition));
        }

        Assert.InRange(knowledge.Catalog.Definitions.Count, 1, 100);
    }

    [Fact]
    public void Ask_takes_a_required_question_of_up_to_300_characters_and_an_optional_private_flag()
    {
        var ask = knowledge.Catalog.Find("ask")!.Definition;

        var question = Assert.Single(ask.Options, o => o.Name == "question");
        Assert.True(question.Required);
        Assert.Equal(OptionKind.String, question.Kind);
        Assert.Equal(300, question.MaxLength);
        var hidden = Assert.Single(ask.Options, o => o.Name == "private");
        Assert.False(hidden.Required);
        Assert.Equal(OptionKind.Boolean, hidden.Kind);
        Assert.False(ask.Ephemeral);
        Assert.True(knowledge.Catalog.Find("help")!.Definition.Ephemeral);
    }

    public static TheoryData<CommandDefinition, string> Broken => new()
    {
        { new("Ask", "Upper case"), "name" },
        { new("has space", "Space"), "name" },
        { new("", "Empty name"), "name" },
        { new(new string('a', 33), "Too long a name"), "name" },
        { new("ok", ""), "description" },
        { new("ok", "   "), "description" },
        { new("ok", new string('d', 101)), "description" },
        { new("ok", "Options") { Options = Enumerable.Range(0, 26).Select(i => new CommandOptionDefinition($"o{i}", "An option", OptionKind.String)).ToArray() }, "26 options" },
        { new("ok", "Order") { Options = [new("a", "Optional", OptionKind.String), new("b", "Required", OptionKind.String, Required: true)] }, "before optional" },
        { new("ok", "Twice") { Options = [new("a", "One", OptionKind.String), new("a", "Two", OptionKind.String)] }, "used twice" },
        { new("ok", "Length on a number") { Options = [new("n", "Number", OptionKind.Integer) { MaxLength = 5 }] }, "only text options" },
        { new("ok", "Too long a maximum") { Options = [new("t", "Text", OptionKind.String) { MaxLength = 6001 }] }, "maximum length" },
        { new("ok", "Autocomplete on a flag") { Options = [new("b", "Flag", OptionKind.Boolean) { Autocomplete = true }] }, "autocomplete" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Definition_breaking_a_limit_is_reported_and_refused_by_the_catalog(CommandDefinition definition, string problem)
    {
        var problems = CommandDefinitionRules.Check(definition);

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.OrdinalIgnoreCase));
        var refused = Assert.Throws<InvalidOperationException>(() => new CommandCatalog([new FakeCommand(definition)]));
        Assert.Contains(problem, refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Largest_possible_definition_stays_within_the_total()
    {
        // 25 options with the longest names and descriptions: 3432 characters, under the 4000 we allow.
        var largest = new CommandDefinition(new string('c', 32), new string('d', 100))
        {
            Options = Enumerable.Range(0, 25).Select(i => new CommandOptionDefinition($"{i:00}{new string('o', 30)}", new string('d', 100), OptionKind.String)).ToArray(),
        };

        Assert.Empty(CommandDefinitionRules.Check(largest));
    }

    [Fact]
    public void Two_commands_with_one_name_are_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new CommandCatalog([new FakeCommand("same"), new FakeCommand("same", "Other")]));

        Assert.Contains("/same", refused.Message);
    }

    [Fact]
    public void Names_in_other_scripts_are_allowed()
    {
        Assert.Empty(CommandDefinitionRules.Check(new CommandDefinition("질문", "Korean name")));
        Assert.Empty(CommandDefinitionRules.Check(new CommandDefinition("pin_message-2", "Digits, dash and underscore")));
    }

    [Fact]
    public void Every_registered_subcommand_satisfies_discords_limits()
    {
        foreach (var definition in knowledge.Catalog.Definitions.Where(d => d.HasSubcommands))
        {
            Assert.Empty(definition.Options); // a command with subcommands cannot take options of its own
            Assert.InRange(definition.Subcommands.Count, 1, 25);
            Assert.Equal(definition.Subcommands.Count, definition.Subcommands.Select(s => s.Name).Distinct().Count());
            foreach (var subcommand in definition.Subcommands)
            {
                AssertDiscordName(subcommand.Name);
                Assert.InRange(subcommand.Description.Length, 1, 100);
                Assert.InRange(subcommand.Options.Count, 0, 25);
                var firstOptional = subcommand.Options.TakeWhile(o => o.Required).Count();
                Assert.All(subcommand.Options.Skip(firstOptional), o => Assert.False(o.Required));
                foreach (var option in subcommand.Options)
                {
                    AssertDiscordName(option.Name);
                    Assert.InRange(option.Description.Length, 1, 100);
                }
            }
        }
    }

    [Fact]
    public void Subcommand_definitions_that_break_the_limits_are_named()
    {
        var schedule = new SubcommandDefinition("schedule", "Plan one") { Options = [new("start", "When", OptionKind.String, Required: true)] };

        Assert.Empty(CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule, new("where", "Where")] }));
        Assert.Contains(
            "/party: a command with subcommands takes no options of its own; give them to its subcommands",
            CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule], Options = [new("x", "X", OptionKind.String)] }));
        Assert.Contains("/party schedule: the subcommand name is used twice", CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule, schedule] }));
        Assert.Contains(CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule with { Name = "Schedule!" }] }), p => p.StartsWith("/party Schedule!: the subcommand name", StringComparison.Ordinal));
        Assert.Contains(CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule with { Description = "" }] }), p => p.StartsWith("/party schedule: the description", StringComparison.Ordinal));
        Assert.Contains(
            "/party schedule option 'end': required options must come before optional ones",
            CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule with { Options = [new("start", "When", OptionKind.String), new("end", "Until", OptionKind.String, Required: true)] }] }));
        Assert.Contains(
            $"/party: 26 subcommands; at most 25 are allowed",
            CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = Enumerable.Range(0, 26).Select(i => new SubcommandDefinition($"s{i}", "Sub")).ToArray() }));
        Assert.Contains(
            "/party schedule option 'start': only channel options take channel kinds",
            CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [schedule with { Options = [schedule.Options[0] with { ChannelKinds = [ChannelKind.Voice] }] }] }));
        var wordy = new SubcommandDefinition("s", new string('d', 100)) { Options = Enumerable.Range(0, 20).Select(i => new CommandOptionDefinition($"o{i}", new string('d', 100), OptionKind.String)).ToArray() };
        Assert.Contains(
            CommandDefinitionRules.Check(new CommandDefinition("party", "Parties") { Subcommands = [wordy, wordy with { Name = "t" }] }),
            p => p.StartsWith("/party: names and descriptions total", StringComparison.Ordinal));
    }

    [Fact]
    public void A_subcommands_options_are_the_options_of_an_invocation()
    {
        var watchparty = knowledge.Catalog.Find("watchparty")!.Definition;

        Assert.Equal(["start", "channel", "title", "timezone"], watchparty.OptionsOf("schedule").Select(o => o.Name));
        Assert.Equal(["start", "channel", "title", "timezone"], watchparty.OptionsOf("SCHEDULE").Select(o => o.Name));
        Assert.Empty(watchparty.OptionsOf("where"));
        Assert.Empty(watchparty.OptionsOf(null));
        Assert.Empty(watchparty.OptionsOf("nope"));
        Assert.Equal(["question", "private"], knowledge.Catalog.Find("ask")!.Definition.OptionsOf(null).Select(o => o.Name));
    }

    private static void AssertDiscordName(string name)
    {
        Assert.Matches(DiscordName(), name);
        Assert.Equal(name.ToLowerInvariant(), name);
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex DiscordName();
}
