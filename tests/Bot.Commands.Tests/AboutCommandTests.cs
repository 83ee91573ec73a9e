using Bot.Commands.About;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;
using Bot.Knowledge.Topics;

namespace Bot.Commands.Tests;

/// <summary>/about: what the shipped knowledge says about a topic, and the topics it suggests while a member types.</summary>
public class AboutCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private static readonly string Article = File.ReadAllText(TestPaths.ShippedArticle).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("madeleine", "Madeleine Gavin")]
    [InlineData("gav", "Madeleine Gavin")]
    [InlineData("seung", "Seungeun Kim")]
    [InlineData("caleb", "Caleb Mission")]
    [InlineData("roh", "Roh family")]
    [InlineData("changbai", "Changbai Mountain")]
    [InlineData("kim jong", "Kim Jong Un")]
    [InlineData("city of", "City of Joy")]
    [InlineData("laos", "Laos")]
    [InlineData("great escape", "The Great Escape")] // a section
    [InlineData("meet pastor kim saving", "Meet Pastor Kim Saving North Korean Defectors")] // the document
    public async Task Suggestions_come_from_the_names_sections_and_titles_of_the_knowledge(string typed, string expected)
    {
        var choices = await knowledge.SuggestAsync("about", "topic", typed);

        Assert.Contains(choices, c => c.Name == expected && c.Value == expected);
        Assert.Contains(expected, Article);
    }

    [Theory]
    [InlineData("MADELEINE GAVIN")]
    [InlineData("madéleine gávin")]
    [InlineData("  madeleine   gavin ")]
    public async Task Suggestions_ignore_case_accents_and_spacing(string typed)
    {
        var choices = await knowledge.SuggestAsync("about", "topic", typed);

        Assert.Equal("Madeleine Gavin", choices[0].Name);
    }

    [Fact]
    public async Task Names_that_start_with_what_was_typed_come_first()
    {
        var choices = await knowledge.SuggestAsync("about", "topic", "kim");

        var names = choices.Select(c => c.Name).ToArray();
        var prefixed = names.TakeWhile(n => n.StartsWith("Kim", StringComparison.OrdinalIgnoreCase)).Count();
        Assert.True(prefixed >= 2, string.Join(", ", names)); // "Kim", "Kim Jong Un"
        Assert.All(names.Skip(prefixed), n => Assert.False(n.StartsWith("kim", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("Pastor Kim", names.Skip(prefixed));
        Assert.Equal("Kim", names[0]); // named more often than "Kim Jong Un"
    }

    [Fact]
    public async Task Tags_merge_with_the_names_they_spell()
    {
        var all = await knowledge.SuggestAsync("about", "topic", "");
        var names = (await knowledge.SuggestAsync("about", "topic", "pastor")).Select(c => c.Name).ToArray();

        Assert.Contains("Pastor Kim", names);
        Assert.DoesNotContain(names, n => n.Contains('-'));
        Assert.DoesNotContain((await knowledge.SuggestAsync("about", "topic", "roh")).Select(c => c.Name), n => n == "roh family");
        Assert.InRange(all.Count, 10, 25);
    }

    [Fact]
    public async Task Words_capitalised_only_because_they_start_a_sentence_are_not_topics()
    {
        foreach (var word in new[] { "Meet", "Enter", "Despite", "Then", "Together" })
        {
            var choices = await knowledge.SuggestAsync("about", "topic", word);
            Assert.DoesNotContain(choices, c => c.Name == word);
        }
    }

    [Theory]
    [InlineData("sourdough")]
    [InlineData("zzzz")]
    public async Task Nothing_matching_suggests_nothing(string typed)
    {
        Assert.Empty(await knowledge.SuggestAsync("about", "topic", typed));
    }

    [Fact]
    public async Task Six_thousand_typed_characters_suggest_nothing()
    {
        Assert.Empty(await knowledge.SuggestAsync("about", "topic", new string('k', 6000)));
        Assert.Empty(await knowledge.SuggestAsync("about", "topic", string.Concat(Enumerable.Repeat("Kim ", 1500))));
    }

    [Fact]
    public async Task Another_focused_option_gets_no_suggestions()
    {
        Assert.Empty(await knowledge.SuggestAsync("about", "other", "kim"));
    }

    [Fact]
    public async Task About_a_name_shows_the_sentences_that_name_it_in_reading_order_with_sources()
    {
        var reply = await knowledge.RunAsync("about", ("topic", "Roh family"));

        Assert.False(reply.Ephemeral);
        var embed = Assert.Single(reply.Embeds);
        Assert.Equal("Roh family", embed.Title);
        var lines = embed.Fields.SelectMany(f => f.Value.Split('\n')).ToArray();
        Assert.InRange(lines.Length, 1, AboutCommand.MaxSentences);
        Assert.All(lines, l => Assert.Contains("**Roh family**", l));
        var positions = lines.Select(l => Article.IndexOf(l[2..].Replace("**", "", StringComparison.Ordinal), StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, "a sentence not in the knowledge"));
        Assert.Equal(positions.Order(), positions);
        Assert.All(embed.Fields, f => Assert.StartsWith("Meet Pastor Kim Saving North Korean Defectors > ", f.Name));
        Assert.Equal(AboutCommand.Footer, embed.Footer);
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Theory]
    [InlineData("Madeleine Gavin")]
    [InlineData("madeleine gavin")]
    [InlineData("Caleb Mission")]
    [InlineData("Changbai Mountain")]
    [InlineData("Laos")]
    public async Task About_a_name_from_the_knowledge_returns_sentences_containing_it(string topic)
    {
        var reply = await knowledge.RunAsync("about", ("topic", topic));

        var lines = Assert.Single(reply.Embeds).Fields.SelectMany(f => f.Value.Split('\n')).ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(topic, l.Replace("**", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        Assert.All(lines, l => Assert.Contains(l[2..].Replace("**", "", StringComparison.Ordinal), Article));
    }

    [Fact]
    public async Task About_kim_shows_at_most_five_sentences()
    {
        var reply = await knowledge.RunAsync("about", ("topic", "Kim"));

        var lines = reply.Embeds[0].Fields.SelectMany(f => f.Value.Split('\n')).ToArray();
        Assert.Equal(AboutCommand.MaxSentences, lines.Length);
        Assert.All(lines, l => Assert.Contains("**Kim**", l));
    }

    [Fact]
    public async Task About_a_section_shows_its_sentences()
    {
        var reply = await knowledge.RunAsync("about", ("topic", "The Great Escape"));

        var embed = Assert.Single(reply.Embeds);
        Assert.All(embed.Fields, f => Assert.Equal("Meet Pastor Kim Saving North Korean Defectors > The Great Escape", f.Name));
        Assert.Contains("Enter the Roh family", embed.Fields[0].Value);
    }

    [Fact]
    public async Task About_with_a_misspelt_name_finds_the_sentences_through_the_search()
    {
        var reply = await knowledge.RunAsync("about", ("topic", "Madeline Gavin"));

        var lines = Assert.Single(reply.Embeds).Fields.SelectMany(f => f.Value.Split('\n')).ToArray();
        Assert.Contains(lines, l => l.Contains("Madeleine", StringComparison.Ordinal) && l.Contains("Gavin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sourdough bread")]
    [InlineData("Pastor Smith")]
    [InlineData("Kubernetes")]
    public async Task Unknown_topic_gets_a_private_note(string topic)
    {
        var reply = await knowledge.RunAsync("about", ("topic", topic));

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Equal(AboutCommand.NothingText(topic), reply.Content);
        Assert.StartsWith($"The knowledge says nothing about {topic}.", reply.Content);
    }

    [Fact]
    public async Task Unknown_topic_is_escaped_in_the_note()
    {
        var reply = await knowledge.RunAsync("about", ("topic", "**Zorro** @everyone <@&123>"));

        Assert.Contains(@"\*\*Zorro\*\*", reply.Content);
        ReplyAssert.PingsNobody(reply);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("?!")]
    public async Task Empty_topic_gets_a_hint(string topic)
    {
        var reply = await knowledge.RunAsync("about", ("topic", topic));

        Assert.True(reply.Ephemeral);
        Assert.Equal(AboutCommand.EmptyTopicText, reply.Content);
    }

    [Fact]
    public async Task Topic_is_shown_as_the_knowledge_spells_it()
    {
        var reply = await knowledge.RunAsync("about", ("topic", "roh FAMILY"));

        Assert.Equal("Roh family", reply.Embeds[0].Title);
    }
}

/// <summary>/about over generated knowledge folders: none at all, and a thousand names.</summary>
public sealed class AboutTopicsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Empty_knowledge_folder_suggests_nothing_and_knows_nothing()
    {
        var folder = _temp.Combine("empty");
        Directory.CreateDirectory(folder);
        using var built = new BuiltKnowledge(folder);
        var about = new AboutCommand();

        Assert.Empty(await about.AutocompleteAsync(Contexts.Autocomplete(built.Reader, "about", "topic", ""), CancellationToken.None));
        Assert.Empty(await about.AutocompleteAsync(Contexts.Autocomplete(built.Reader, "about", "topic", "kim"), CancellationToken.None));
        var reply = await about.ExecuteAsync(Contexts.Command(built.Reader, "about", ("topic", "Pastor Kim")), CancellationToken.None);
        Assert.Equal(AboutCommand.NothingText("Pastor Kim"), reply.Content);
    }

    [Fact]
    public async Task Thousand_names_are_suggested_25_at_most_each_within_100_characters()
    {
        var folder = _temp.Combine("people");
        GeneratedKnowledge.WriteNames(folder);
        using var built = new BuiltKnowledge(folder);
        var about = new AboutCommand();
        async Task<IReadOnlyList<AutocompleteChoice>> Suggest(string typed) =>
            await about.AutocompleteAsync(Contexts.Autocomplete(built.Reader, "about", "topic", typed), CancellationToken.None);

        var catalog = new TopicCache().For(built.Reader);
        Assert.All(GeneratedKnowledge.Names, n => Assert.NotNull(catalog.Find(n)));
        Assert.InRange(catalog.Topics.Count(t => t.Kinds.HasFlag(TopicKinds.Name)), 1000, 1000);

        foreach (var typed in new[] { "", "a", "k", "kestrel", "lock", "zoe", "ZOË BLACK", "ée", "market", new string('x', 6000) })
        {
            var choices = await Suggest(typed);
            Assert.InRange(choices.Count, 0, 25);
            Assert.All(choices, c => Assert.InRange(c.Name.Length, 1, 100));
            Assert.All(choices, c => Assert.InRange(c.Value.Length, 1, 100));
            Assert.Equal(choices.Count, choices.Select(c => c.Value).Distinct().Count());
        }

        Assert.Equal(25, (await Suggest("")).Count);
        var kestrel = await Suggest("kestrel");
        Assert.Equal(25, kestrel.Count);
        Assert.All(kestrel, c => Assert.StartsWith("Kestrel ", c.Name));

        // Word starts before other substrings: "Lockhart" before "Whitlock".
        var lockNames = (await Suggest("lock")).Select(c => c.Name).ToArray();
        Assert.Equal(25, lockNames.Length);
        Assert.All(lockNames, n => Assert.EndsWith(" Lockhart", n));

        Assert.Equal("Zoë Blackwood", Assert.Single(await Suggest("ZOE BLACK")).Name);
        Assert.Equal("Élodie Ashdown", (await Suggest("elodie ash"))[0].Name);
        Assert.Empty(await Suggest("market")); // a word of the text, not a name
    }

    [Fact]
    public async Task About_a_generated_name_shows_its_sentence()
    {
        var folder = _temp.Combine("people");
        GeneratedKnowledge.WriteNames(folder);
        using var built = new BuiltKnowledge(folder);

        var reply = await new AboutCommand().ExecuteAsync(Contexts.Command(built.Reader, "about", ("topic", "Søren Quayle")), CancellationToken.None);

        var line = Assert.Single(Assert.Single(reply.Embeds).Fields).Value;
        Assert.Contains("**Søren Quayle**", line);
        Assert.StartsWith("• In one scene the crew meets", line);
    }

    [Fact]
    public async Task Suggestions_follow_the_knowledge_when_it_changes()
    {
        var folder = _temp.Combine("changing");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.md"), "# A\n\nThe crew met Ottoline Brisbane at the port.\n");
        using var built = new BuiltKnowledge(folder);
        var about = new AboutCommand();
        async Task<string[]> Suggest(string typed) =>
            (await about.AutocompleteAsync(Contexts.Autocomplete(built.Reader, "about", "topic", typed), CancellationToken.None)).Select(c => c.Name).ToArray();
        Assert.Contains("Ottoline Brisbane", await Suggest("otto"));

        File.WriteAllText(Path.Combine(folder, "a.md"), "# A\n\nThe crew met Wilhelmina Strand at the port.\n");
        File.SetLastWriteTimeUtc(Path.Combine(folder, "a.md"), DateTime.UtcNow.AddMinutes(1));
        built.Synchronizer.Synchronize();

        Assert.Empty(await Suggest("otto"));
        Assert.Contains("Wilhelmina Strand", await Suggest("wil"));
    }
}
