using Bot.Commands.Capabilities;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;
using Bot.Commands.WatchParty;
using Bot.Knowledge.Summaries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Commands.Tests.WatchParty;

/// <summary>/watchparty schedule, where and prompt over the shipped knowledge, at a fixed time.</summary>
public class WatchPartyCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    /// <summary>Wednesday 25 November 2026, noon UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly string Article = File.ReadAllText(TestPaths.ShippedArticle).ReplaceLineEndings("\n");

    private readonly FakeGuildEvents _events = new();

    [Fact]
    public void Watchparty_has_three_subcommands_and_schedule_needs_create_events()
    {
        var definition = knowledge.Catalog.Find("watchparty")!.Definition;

        Assert.Equal(["schedule", "where", "prompt"], definition.Subcommands.Select(s => s.Name));
        Assert.Equal(MemberPermission.None, definition.RequiredPermission); // where and prompt are for everyone
        var schedule = definition.Subcommand("schedule")!;
        Assert.Equal(MemberPermission.CreateEvents, schedule.RequiredPermission);
        Assert.Equal(["start", "channel", "title", "timezone"], schedule.Options.Select(o => o.Name));
        Assert.True(schedule.Options[0].Required);
        Assert.Equal([ChannelKind.Voice, ChannelKind.Stage], schedule.Options[1].ChannelKinds);
        Assert.Empty(CommandDefinitionRules.Check(definition));
    }

    [Theory]
    [InlineData("2026-12-01T20:00:00+01:00", null, "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01T19:00Z", "Asia/Tokyo", "2026-12-01T19:00:00Z")] // an offset wins over the zone
    [InlineData("2026-12-01 20:00", "America/New_York", "2026-12-02T01:00:00Z")]
    [InlineData("2026-12-01 20:00", "Europe/Paris", "2026-12-01T19:00:00Z")]
    [InlineData("2026-12-01 20:00", "Asia/Seoul", "2026-12-01T11:00:00Z")]
    [InlineData("in 2h", "Asia/Tokyo", "2026-11-25T14:00:00Z")]
    [InlineData("in 90 minutes", "America/Los_Angeles", "2026-11-25T13:30:00Z")]
    [InlineData("tomorrow 20:00", "Europe/Paris", "2026-11-26T19:00:00Z")]
    [InlineData("tomorrow 20:00", "America/New_York", "2026-11-27T01:00:00Z")]
    [InlineData("friday 19:00", "Europe/Paris", "2026-11-27T18:00:00Z")]
    public async Task Schedule_reads_the_start_in_the_time_zone_and_creates_an_online_event_with_a_required_end(string start, string? zone, string expectedUtc)
    {
        var options = new List<(string, object)> { ("start", start) };
        if (zone is not null)
            options.Add(("timezone", zone));

        var reply = await Run("schedule", MemberPermission.CreateEvents, options.ToArray());

        var request = Assert.Single(_events.Requests);
        var startsAt = DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(startsAt, request.Start);
        Assert.Equal(startsAt + TimeSpan.FromHours(2), request.End); // the knowledge states no running time
        Assert.Equal("42", request.GuildId);
        Assert.Equal(WatchPartyCommand.DefaultTitle, request.Name);
        Assert.Null(request.Place.ChannelId);
        Assert.Equal(WatchPartyCommand.OnlineLocation, request.Place.Location);
        Assert.InRange(request.Place.Location!.Length, 1, 100);

        Assert.False(reply.Ephemeral);
        ReplyAssert.WithinDiscordLimits(reply);
        var card = Assert.Single(reply.Embeds);
        Assert.Contains($"<t:{startsAt.ToUnixTimeSeconds()}:F>", card.Description);
        Assert.Contains($"<t:{startsAt.ToUnixTimeSeconds()}:R>", card.Description);
        Assert.Contains($"<t:{(startsAt + TimeSpan.FromHours(2)).ToUnixTimeSeconds()}:F>", card.Description);
        Assert.Contains(WatchPartyCommand.UnknownDurationText, card.Description);
        Assert.Equal(WatchPartyCommand.CreatedFooter, card.Footer);
    }

    [Fact]
    public async Task The_event_description_is_drawn_from_the_knowledge_and_says_how_long_it_is_planned_for()
    {
        await Run("schedule", MemberPermission.CreateEvents, ("start", "in 3 days"));

        var description = Assert.Single(_events.Requests).Description;
        Assert.InRange(description.Length, 1, 1000);
        var parts = description.Split("\n\n");
        Assert.Equal(2, parts.Length);
        Assert.Equal(WatchPartyCommand.UnknownDurationText, parts[1]);
        var sentences = Bot.Knowledge.Text.SentenceSplitter.Split(parts[0]);
        Assert.InRange(sentences.Count, 1, 2);
        Assert.All(sentences, s => Assert.Contains(s, Article));
    }

    [Theory]
    [InlineData("2026-11-01 20:00", null)]
    [InlineData("2026-11-25 12:30", "Europe/Paris")] // 11:30 UTC: half an hour ago
    [InlineData("today 06:00", "America/New_York")] // 11:00 UTC
    public async Task A_start_in_the_past_is_refused_and_nothing_is_created(string start, string? zone)
    {
        var options = new List<(string, object)> { ("start", start) };
        if (zone is not null)
            options.Add(("timezone", zone));

        var reply = await Run("schedule", MemberPermission.CreateEvents, options.ToArray());

        Assert.True(reply.Ephemeral);
        Assert.Empty(_events.Requests);
        Assert.Contains("has already passed", reply.Content);
    }

    [Theory]
    [InlineData("whenever", null, "can't read")]
    [InlineData("tomorrow 20:00", "Mars/Olympus_Mons", "not a time zone")]
    public async Task An_unreadable_start_or_zone_is_explained(string start, string? zone, string says)
    {
        var options = new List<(string, object)> { ("start", start) };
        if (zone is not null)
            options.Add(("timezone", zone));

        var reply = await Run("schedule", MemberPermission.CreateEvents, options.ToArray());

        Assert.True(reply.Ephemeral);
        Assert.Contains(says, reply.Content);
        Assert.Empty(_events.Requests);
    }

    [Theory]
    [InlineData(ChannelKind.Voice)]
    [InlineData(ChannelKind.Stage)]
    public async Task A_voice_or_stage_channel_hosts_the_event(ChannelKind kind)
    {
        var reply = await Run("schedule", MemberPermission.CreateEvents, ("start", "in 2h"), ("channel", new ChannelValue("1213418522542211076", kind)));

        var place = Assert.Single(_events.Requests).Place;
        Assert.Equal(("1213418522542211076", kind, (string?)null), (place.ChannelId, place.ChannelKind, place.Location));
        Assert.Contains("<#1213418522542211076>", reply.Embeds[0].Description);
    }

    [Fact]
    public async Task A_text_channel_is_refused()
    {
        var reply = await Run("schedule", MemberPermission.CreateEvents, ("start", "in 2h"), ("channel", new ChannelValue("5", ChannelKind.Text)));

        Assert.Equal(WatchPartyCommand.NotVoiceText, reply.Content);
        Assert.Empty(_events.Requests);
    }

    [Fact]
    public async Task The_title_names_the_event_and_is_shown_escaped()
    {
        var reply = await Run("schedule", MemberPermission.CreateEvents, ("start", "in 2h"), ("title", "Film **night** @everyone"));

        Assert.Equal("Film **night** @everyone", Assert.Single(_events.Requests).Name);
        ReplyAssert.PingsNobody(reply);
        Assert.Contains(@"Film \*\*night\*\*", reply.Embeds[0].Title);
    }

    [Theory]
    [InlineData(MemberPermission.None)]
    [InlineData(MemberPermission.ManageEvents)]
    [InlineData(MemberPermission.ManageMessages | MemberPermission.PinMessages)]
    public async Task A_member_without_create_events_is_refused_naming_the_permission(MemberPermission permissions)
    {
        var reply = await Run("schedule", permissions, ("start", "in 2h"));

        Assert.True(reply.Ephemeral);
        Assert.Equal(WatchPartyCommand.MemberCannotScheduleText, reply.Content);
        Assert.Contains("**Create Events**", reply.Content);
        Assert.Empty(_events.Requests);
    }

    [Fact]
    public async Task A_bot_without_create_events_says_which_permission_to_grant_before_trying()
    {
        var command = Command();
        var context = Context("schedule", MemberPermission.Administrator, ("start", "in 2h")) with { BotPermissions = MemberPermission.PinMessages | MemberPermission.ManageEvents };

        var reply = await command.ExecuteAsync(context, CancellationToken.None);

        Assert.Equal(WatchPartyCommand.BotCannotScheduleText, reply.Content);
        Assert.Contains("**Create Events**", reply.Content);
        Assert.Empty(_events.Requests);
    }

    [Fact]
    public async Task A_bot_refused_by_the_transport_says_which_permission_to_grant()
    {
        _events.Outcome = GuildEventOutcome.BotMissingPermission;

        var reply = await Run("schedule", MemberPermission.CreateEvents, ("start", "in 2h"));

        Assert.True(reply.Ephemeral);
        Assert.StartsWith(WatchPartyCommand.BotCannotScheduleText, reply.Content);
    }

    [Fact]
    public async Task Without_discord_the_reply_says_the_event_was_not_created()
    {
        _events.Outcome = GuildEventOutcome.NotAvailable;

        var reply = await Run("schedule", MemberPermission.CreateEvents, ("start", "in 2h"));

        Assert.Equal("(console: no Discord, the event was not created)", reply.Content);
        Assert.Contains("<t:", reply.Embeds[0].Description);
    }

    [Theory]
    [InlineData(GuildEventOutcome.NotInGuild, "only in a server")]
    [InlineData(GuildEventOutcome.Failed, "did not create the event")]
    public async Task Other_refusals_are_explained_privately(GuildEventOutcome outcome, string says)
    {
        _events.Outcome = outcome;

        var reply = await Run("schedule", MemberPermission.CreateEvents, ("start", "in 2h"));

        Assert.True(reply.Ephemeral);
        Assert.Contains(says, reply.Content);
    }

    [Fact]
    public async Task Where_answers_with_the_knowledges_sentence_and_its_source()
    {
        var reply = await Run("where", MemberPermission.None);

        Assert.False(reply.Ephemeral);
        var card = Assert.Single(reply.Embeds);
        Assert.Equal(WatchPartyCommand.WhereTitle, card.Title);
        Assert.Contains("Amazon Prime and Apple TV", card.Description);
        Assert.Contains(card.Description![2..], Article);
        Assert.Equal("Source: Meet Pastor Kim Saving North Korean Defectors > Movie Magic: Inside “Beyond Utopia”", card.Footer);
    }

    [Fact]
    public void Where_says_when_the_knowledge_does_not_say()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("river.md"), "---\ntitle: The river\n---\n\n# The river\n\nThe river was crossed at night by three people.\n");
        using var built = new BuiltKnowledge(temp.FullPath);

        var reply = WatchPartyCommand.WhereToWatchReply(built.Reader);

        Assert.Equal(WatchPartyCommand.WhereUnknownText, reply.Content);
        Assert.Empty(reply.Embeds);
    }

    [Fact]
    public async Task Prompt_cycles_through_the_prompts_per_channel()
    {
        var positions = new InMemoryPromptPositions();
        var command = Command(positions: positions, prompts: new DiscussionPrompts(["First?", "Second?", "Third?"]));

        async Task<string> Next(string channel) =>
            (await command.ExecuteAsync(Context("prompt", MemberPermission.None) with { ChannelId = channel }, CancellationToken.None)).Embeds[0].Description!;

        Assert.Equal(["First?", "Second?"], [await Next("a"), await Next("a")]);
        Assert.Equal("First?", await Next("b")); // another channel starts at the top
        Assert.Equal(["Third?", "First?"], [await Next("a"), await Next("a")]); // then round again
        var reply = await command.ExecuteAsync(Context("prompt", MemberPermission.None) with { ChannelId = "b" }, CancellationToken.None);
        Assert.Equal("Discussion prompt 2 of 3", reply.Embeds[0].Title);
        Assert.False(reply.Ephemeral);
    }

    [Fact]
    public void The_shipped_prompts_are_ten_to_fifteen_open_questions_outside_the_knowledge()
    {
        var prompts = DiscussionPrompts.Shipped.All;

        Assert.InRange(prompts.Count, 10, 15);
        Assert.All(prompts, p => Assert.EndsWith("?", p));
        Assert.Equal(prompts.Count, prompts.Distinct().Count());
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "prompts", "discussion.txt")));
        Assert.DoesNotContain(Directory.GetFiles(TestPaths.ShippedKnowledge, "*", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains(prompts[0], StringComparison.Ordinal));
        foreach (var prompt in prompts)
        {
            var answer = knowledge.Knowledge.Ask(prompt);
            Assert.DoesNotContain(prompt, answer.Sentence, StringComparison.Ordinal);
            Assert.All(knowledge.Knowledge.Search(prompt, 5), hit => Assert.DoesNotContain(prompt, hit.Passage.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_running_time_stated_in_the_knowledge_sets_the_end()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("film.md"), "---\ntitle: The film\n---\n\n# The film\n\nThe documentary follows a family across several borders in Asia. It was filmed over many months with a small crew.\n\n## Details\n\nThe film has a running time of 115 minutes.\n");
        using var built = new BuiltKnowledge(temp.FullPath);
        var command = new WatchPartyCommand(new StartTimeParser(new FakeTimeProvider(Now)), new Summarizer(built.Store), _events);

        var reply = await command.ExecuteAsync(
            Contexts.Command(built.Reader, "watchparty", ("start", "2026-12-01T19:00Z")) with { Subcommand = "schedule", Permissions = MemberPermission.CreateEvents },
            CancellationToken.None);

        var request = Assert.Single(_events.Requests);
        Assert.Equal(TimeSpan.FromMinutes(115), request.End - request.Start);
        Assert.Contains("115 minutes (from the knowledge: The film > Details)", request.Description);
        Assert.Contains("115 minutes", reply.Embeds[0].Description);
    }

    [Fact]
    public async Task Time_zones_are_suggested_while_typed()
    {
        var command = Command();
        var context = new AutocompleteContext
        {
            CommandName = "watchparty",
            Subcommand = "schedule",
            FocusedOption = "timezone",
            FocusedValue = "europe/pa",
            Invoker = new CommandInvoker("1", "Member"),
            Knowledge = knowledge.Knowledge,
        };

        var typed = await command.AutocompleteAsync(context, CancellationToken.None);
        var empty = await command.AutocompleteAsync(context with { FocusedValue = "" }, CancellationToken.None);

        Assert.Equal("Europe/Paris", typed[0].Value);
        Assert.Contains(empty, c => c.Value == "UTC");
        Assert.InRange(empty.Count, 1, 25);
    }

    private WatchPartyCommand Command(IPromptPositions? positions = null, DiscussionPrompts? prompts = null) =>
        new(new StartTimeParser(new FakeTimeProvider(Now)), knowledge.Services.GetRequiredService<Summarizer>(), _events, positions, prompts);

    private CommandContext Context(string subcommand, MemberPermission permissions, params (string Name, object Value)[] options) =>
        knowledge.Context("watchparty", options) with { Subcommand = subcommand, Permissions = permissions, ChannelId = "555" };

    private Task<Reply> Run(string subcommand, MemberPermission permissions, params (string Name, object Value)[] options) =>
        Command().ExecuteAsync(Context(subcommand, permissions, options), CancellationToken.None).AsTask();
}
