using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Commands.About;
using Bot.Commands.Ask;
using Bot.Commands.Cooldowns;
using Bot.Commands.Hosting;
using Bot.Commands.Replies;
using Bot.Commands.Search;
using Bot.Commands.Tests.Support;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Commands.Tests;

/// <summary>The per-member limit on questions: five per thirty seconds unless configured otherwise.</summary>
public partial class CooldownTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Five_questions_pass_the_sixth_is_told_when_to_ask_again_and_the_window_frees_it()
    {
        var ask = new AskCommand(Cooldown());
        var started = _clock.GetUtcNow();

        for (var i = 0; i < 5; i++)
        {
            Assert.Single((await Ask(ask, "member")).Embeds);
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        var refused = await Ask(ask, "member");
        Assert.True(refused.Ephemeral);
        Assert.Empty(refused.Embeds);
        Assert.StartsWith("You've asked 5 questions in the last 30 seconds. You can ask again <t:", refused.Content);
        Assert.Equal(started.AddSeconds(30).ToUnixTimeSeconds(), UnixTime(refused.Content!));

        _clock.Advance(TimeSpan.FromSeconds(19)); // 29 s after the first: still refused
        Assert.Empty((await Ask(ask, "member")).Embeds);
        _clock.Advance(TimeSpan.FromSeconds(1)); // the first question leaves the window
        Assert.Single((await Ask(ask, "member")).Embeds);
        Assert.Empty((await Ask(ask, "member")).Embeds); // the second is still in it
    }

    [Fact]
    public async Task Each_member_has_their_own_limit()
    {
        var ask = new AskCommand(Cooldown());
        for (var i = 0; i < 5; i++)
            await Ask(ask, "first");

        Assert.Empty((await Ask(ask, "first")).Embeds);
        Assert.Single((await Ask(ask, "second")).Embeds);
    }

    [Fact]
    public async Task Search_about_and_ask_share_one_limit()
    {
        var cooldown = Cooldown();
        var ask = new AskCommand(cooldown);
        var search = new SearchCommand(cooldown);
        var about = new AboutCommand(cooldown);
        await Ask(ask, "member");
        await Ask(ask, "member");
        await search.ExecuteAsync(As("member", "search", ("query", "Pastor Kim")), CancellationToken.None);
        await about.ExecuteAsync(As("member", "about", ("topic", "Roh family")), CancellationToken.None);
        await about.ExecuteAsync(As("member", "about", ("topic", "Laos")), CancellationToken.None);

        var searched = await search.ExecuteAsync(As("member", "search", ("query", "Pastor Kim")), CancellationToken.None);
        var abouted = await about.ExecuteAsync(As("member", "about", ("topic", "Laos")), CancellationToken.None);

        Assert.Contains("<t:", searched.Content);
        Assert.Contains("<t:", abouted.Content);
        Assert.True(searched.Ephemeral && abouted.Ephemeral);
    }

    [Fact]
    public async Task Refused_questions_do_not_count()
    {
        var ask = new AskCommand(Cooldown());
        for (var i = 0; i < 5; i++)
            await Ask(ask, "member");
        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Ask(ask, "member");
        }

        _clock.Advance(TimeSpan.FromSeconds(10)); // 30 s after the five that passed
        Assert.Single((await Ask(ask, "member")).Embeds);
    }

    [Fact]
    public async Task Share_and_more_passages_count_as_questions()
    {
        var ask = new AskCommand(Cooldown());
        var hidden = await ask.ExecuteAsync(As("member", "ask", ("question", "Who directed Beyond Utopia?"), ("private", true)), CancellationToken.None);
        var share = hidden.Buttons.Single(b => b.Label == AskCommand.ShareLabel).CustomId;
        var more = hidden.Buttons.Single(b => b.Label == AskCommand.MoreLabel).CustomId;
        for (var i = 0; i < 4; i++)
            Assert.False((await ask.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, share, "member"), CancellationToken.None)).Ephemeral);

        Assert.Contains("<t:", (await ask.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, share, "member"), CancellationToken.None)).Content);
        // A "More passages" click runs a search too: past the limit it is refused like a question (issue 12).
        var refused = await ask.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, more, "member"), CancellationToken.None);
        Assert.Contains("<t:", refused.Content);
        Assert.Empty(refused.Embeds);
        Assert.Single((await ask.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, more, "another member"), CancellationToken.None)).Embeds);
    }

    [Fact]
    public async Task Search_page_clicks_count_and_past_the_limit_leave_the_results_and_tell_only_the_clicker()
    {
        var search = new SearchCommand(Cooldown());
        var results = await search.ExecuteAsync(As("member", "search", ("query", "Pastor Kim")), CancellationToken.None);
        var next = results.Buttons.Single(b => b.Label == "Next").CustomId;
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(ComponentReplyPlan.UpdateMessage, search.PlanComponent(next, "member"));
            Assert.Equal(ReplyKind.UpdateMessage, (await search.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, next, "member"), CancellationToken.None)).Kind);
        }

        // The sixth search by this member: planned as a private note, so the page everyone sees stays.
        Assert.Equal(ComponentReplyPlan.EphemeralMessage, search.PlanComponent(next, "member"));
        var refused = await search.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, next, "member"), CancellationToken.None);
        Assert.True(refused is { Ephemeral: true, Kind: ReplyKind.NewMessage }, $"{refused.Kind} {refused.Ephemeral}");
        Assert.Contains("<t:", refused.Content);
        Assert.Equal(ComponentReplyPlan.UpdateMessage, search.PlanComponent(next, "another member"));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ComponentReplyPlan.UpdateMessage, search.PlanComponent(next, "member"));
    }

    [Fact]
    public async Task Empty_and_overlong_questions_do_not_use_up_the_limit()
    {
        var ask = new AskCommand(Cooldown());
        for (var i = 0; i < 10; i++)
        {
            await ask.ExecuteAsync(As("member", "ask", ("question", "")), CancellationToken.None);
            await ask.ExecuteAsync(As("member", "ask", ("question", new string('x', 6000))), CancellationToken.None);
        }

        Assert.Single((await Ask(ask, "member")).Embeds);
    }

    [Fact]
    public void Limit_and_window_come_from_configuration()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Commands:Cooldown:Questions"] = "2",
            ["Commands:Cooldown:Window"] = "00:01:00",
        });

        var cooldown = services.GetRequiredService<QuestionCooldown>();

        Assert.Equal(2, cooldown.Questions);
        Assert.Equal(TimeSpan.FromMinutes(1), cooldown.Window);
        Assert.True(cooldown.TryAsk("m", out _));
        Assert.True(cooldown.TryAsk("m", out _));
        Assert.False(cooldown.TryAsk("m", out var at));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), at);
        Assert.Contains("in the last minute", cooldown.Notice(at));
    }

    [Fact]
    public void Defaults_are_five_per_thirty_seconds()
    {
        using var services = Services([]);

        var cooldown = services.GetRequiredService<QuestionCooldown>();

        Assert.Equal(5, cooldown.Questions);
        Assert.Equal(TimeSpan.FromSeconds(30), cooldown.Window);
    }

    [Theory]
    [InlineData("Commands:Cooldown:Questions", "many", "not a whole number")]
    [InlineData("Commands:Cooldown:Questions", "-1", "must be 0")]
    [InlineData("Commands:Cooldown:Window", "soon", "not a duration")]
    [InlineData("Commands:Cooldown:Window", "00:00:00", "more than 0")]
    public void Bad_settings_are_named_with_how_to_fix_them(string setting, string value, string problem)
    {
        using var services = Services(new Dictionary<string, string?> { [setting] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<QuestionCooldown>());

        Assert.Contains(problem, failure.Message);
        Assert.Contains(setting.Replace(":", "__", StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public void Zero_questions_turns_the_cooldown_off()
    {
        var cooldown = new QuestionCooldown(Options.Create(new QuestionCooldownOptions { Questions = 0 }), _clock);

        Assert.All(Enumerable.Range(0, 100), i => Assert.True(cooldown.TryAsk("m", out _)));
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton(new KnowledgeStore(KnowledgeIndex.OpenInMemory()))
            .AddSingleton<AnswerEngine>()
            .AddBotCommands()
            .BuildServiceProvider();
    }

    private QuestionCooldown Cooldown() =>
        new(Options.Create(new QuestionCooldownOptions()), _clock);

    private CommandContext As(string userId, string command, params (string Name, object Value)[] options) =>
        Contexts.Command(knowledge.Knowledge, command, options) with { Invoker = new CommandInvoker(userId, "Member") };

    private async Task<Reply> Ask(AskCommand ask, string userId) =>
        await ask.ExecuteAsync(As(userId, "ask", ("question", "Who directed Beyond Utopia?")), CancellationToken.None);

    private static long UnixTime(string content) => long.Parse(UnixTimestamp().Match(content).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<t:(\d+):R>")]
    private static partial Regex UnixTimestamp();
}
