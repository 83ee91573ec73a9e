using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;

namespace Bot.Tests.Discord;

/// <summary>
/// /watchparty and /unanswered through the real executable and the local Discord: the registered
/// subcommands, the scheduled event's body (checked against Discord's OpenAPI description), the
/// permission refusals, where to watch, the discussion prompts, and the unanswered questions.
/// </summary>
public sealed partial class WatchPartyEndToEndTests : IAsyncLifetime
{
    private ConnectedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await ConnectedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private LocalDiscordServer Discord => _bot.Discord;

    [Fact]
    public async Task The_commands_are_registered_with_subcommands_channel_types_and_default_permissions()
    {
        var registration = await _bot.WaitForAsync("bulk_set_application_commands");

        var commands = JsonNode.Parse(registration.Body)!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => (string)c["name"]!);
        var watchparty = commands["watchparty"];
        Assert.Equal(["schedule", "where", "prompt"], watchparty["options"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.All(watchparty["options"]!.AsArray(), o => Assert.Equal(1, (int)o!["type"]!));
        var schedule = watchparty["options"]![0]!["options"]!.AsArray();
        Assert.Equal(["start", "channel", "title", "timezone"], schedule.Select(o => (string)o!["name"]!));
        Assert.Equal([2, 13], schedule[1]!["channel_types"]!.AsArray().Select(t => (int)t!));
        Assert.Equal(7, (int)schedule[1]!["type"]!);
        Assert.Null(watchparty["default_member_permissions"]);
        Assert.Equal(["play", "leaderboard"], commands["trivia"]["options"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.Equal("8192", (string?)commands["unanswered"]["default_member_permissions"]); // Manage Messages
        Assert.Equal(["topic", "pin"], commands["summary"]["options"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
    }

    [Fact]
    public async Task Schedule_in_a_voice_channel_creates_a_voice_event_and_shows_the_start_in_every_readers_time()
    {
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var iso = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var schedule = InteractionPayloads.SlashSubcommand(Discord, "watchparty", "schedule", [("start", iso), ("title", "Film night"), ("timezone", "Asia/Seoul")], Bits.Member | Bits.CreateEvents);
        InteractionPayloads.WithChannelOption(schedule, "channel", 1213418522542211076, channelType: 2);

        var seen = await _bot.SendAsync(schedule);

        var created = await _bot.WaitForAsync("create_guild_scheduled_event");
        Assert.Equal($"/guilds/{ConnectedBot.Guild}/scheduled-events", created.Path);
        Assert.Equal(200, created.Status);
        var body = JsonNode.Parse(created.Body)!.AsObject();
        Assert.Equal("Film night", (string?)body["name"]);
        Assert.Equal(2, (int)body["privacy_level"]!);
        Assert.Equal(2, (int)body["entity_type"]!);
        Assert.Equal("1213418522542211076", (string?)body["channel_id"]);
        Assert.Null(body["entity_metadata"]);
        var startsAt = DateTimeOffset.Parse((string)body["scheduled_start_time"]!, CultureInfo.InvariantCulture);
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        Assert.Equal(new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, seoul.GetUtcOffset(start)).ToUniversalTime(), startsAt);
        Assert.InRange(((string)body["description"]!).Length, 1, 1000);
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));

        Assert.False(seen.Ephemeral);
        var description = (string)seen.Embed()["description"]!;
        Assert.Contains($"<t:{startsAt.ToUnixTimeSeconds()}:F>", description);
        Assert.Contains($"<t:{startsAt.ToUnixTimeSeconds()}:R>", description);
        Assert.Contains("<#1213418522542211076>", description);
    }

    [Fact]
    public async Task Schedule_without_a_channel_creates_an_external_event_with_a_location_and_an_end()
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "schedule", [("start", "in 2h"), ("timezone", "Europe/Paris")], Bits.Member | Bits.CreateEvents));

        var created = await _bot.WaitForAsync("create_guild_scheduled_event");
        var body = JsonNode.Parse(created.Body)!.AsObject();
        Assert.Equal(3, (int)body["entity_type"]!);
        Assert.Null(body["channel_id"]);
        Assert.Equal("Online (see /watchparty where)", (string?)body["entity_metadata"]!["location"]);
        var startsAt = DateTimeOffset.Parse((string)body["scheduled_start_time"]!, CultureInfo.InvariantCulture);
        var endsAt = DateTimeOffset.Parse((string)body["scheduled_end_time"]!, CultureInfo.InvariantCulture);
        Assert.InRange(startsAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(110), TimeSpan.FromMinutes(121));
        Assert.Equal(TimeSpan.FromHours(2), endsAt - startsAt); // the knowledge states no running time
        Assert.Contains("the knowledge doesn't state the film's running time", (string)body["description"]!);
        Assert.Equal("Beyond Utopia watch party", (string?)body["name"]);
        Assert.Empty(OpenApiRequestCheck.Problems(Discord.Requests));
        Assert.Contains($"<t:{startsAt.ToUnixTimeSeconds()}:R>", (string)seen.Embed()["description"]!);
    }

    [Fact]
    public async Task A_start_in_the_past_is_refused_and_no_event_is_created()
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "schedule", [("start", "2020-01-01 20:00")], Bits.Member | Bits.CreateEvents));

        Assert.True(seen.Ephemeral);
        Assert.Contains("has already passed", seen.Content);
        Assert.Empty(Discord.RequestsTo("create_guild_scheduled_event"));
    }

    [Theory]
    [InlineData(Bits.Member)]
    [InlineData(Bits.Member | Bits.ManageEvents)]
    public async Task A_member_without_create_events_is_refused_privately_naming_it(ulong permissions)
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "schedule", [("start", "in 2h")], permissions));

        Assert.True(seen.Ephemeral);
        Assert.Equal("Only members with the **Create Events** permission can schedule watch parties.", seen.Content);
        Assert.Empty(Discord.RequestsTo("create_guild_scheduled_event"));
    }

    [Fact]
    public async Task A_bot_whose_app_permissions_lack_create_events_says_what_to_grant()
    {
        var schedule = InteractionPayloads.SlashSubcommand(Discord, "watchparty", "schedule", [("start", "in 2h")], Bits.Member | Bits.CreateEvents);
        schedule["app_permissions"] = Bits.Text(Bits.Bot & ~Bits.CreateEvents);

        var seen = await _bot.SendAsync(schedule);

        Assert.True(seen.Ephemeral);
        Assert.StartsWith("I can't create the event: I need the **Create Events** permission here.", seen.Content);
        Assert.Empty(Discord.RequestsTo("create_guild_scheduled_event"));
    }

    [Fact]
    public async Task Discord_refusing_the_event_with_50013_makes_the_bot_say_what_to_grant()
    {
        Discord.Script("create_guild_scheduled_event", LocalDiscordResponses.MissingPermissions());

        var seen = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "schedule", [("start", "tomorrow 20:00")], Bits.Member | Bits.CreateEvents));

        Assert.Equal(403, Assert.Single(Discord.RequestsTo("create_guild_scheduled_event")).Status);
        Assert.True(seen.Ephemeral);
        Assert.Contains("**Create Events**", seen.Content);
    }

    [Fact]
    public async Task Where_quotes_the_knowledge_with_its_source()
    {
        var seen = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "where"));

        var card = seen.Embed();
        Assert.Contains("Amazon Prime and Apple TV", (string)card["description"]!);
        Assert.StartsWith("Source: Meet Pastor Kim Saving North Korean Defectors", (string)card["footer"]!["text"]!);
    }

    [Fact]
    public async Task Prompt_gives_the_next_question_for_the_channel_each_time()
    {
        var first = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "prompt"));
        var second = await _bot.SendAsync(InteractionPayloads.SlashSubcommand(Discord, "watchparty", "prompt"));

        Assert.Matches(PromptTitle(), (string)first.Embed()["title"]!);
        Assert.StartsWith("Discussion prompt 1 of ", (string)first.Embed()["title"]!);
        Assert.StartsWith("Discussion prompt 2 of ", (string)second.Embed()["title"]!);
        Assert.NotEqual((string)first.Embed()["description"]!, (string)second.Embed()["description"]!);
    }

    [Fact]
    public async Task Unanswered_lists_what_members_asked_in_vain_for_moderators_only()
    {
        for (var i = 0; i < 2; i++)
            await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "ask", [("question", "What is the recipe for sourdough bread?")]));
        await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "ask", [("question", "How do I configure a Kubernetes ingress controller?")]));

        var moderator = await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "unanswered", memberPermissions: Bits.Member | Bits.ManageMessages));
        var member = await _bot.SendAsync(InteractionPayloads.SlashCommand(Discord, "unanswered", memberPermissions: Bits.Member | Bits.PinMessages));

        Assert.True(moderator.Ephemeral);
        var lines = ((string)moderator.Embed()["description"]!).Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("**1.** What is the recipe for sourdough bread? · asked twice, last <t:", lines[0]);
        Assert.StartsWith("**2.** How do I configure a Kubernetes ingress controller? · asked once", lines[1]);
        Assert.True(member.Ephemeral);
        Assert.Equal("Only members with the **Manage Messages** permission can see the unanswered questions.", member.Content);
    }

    [GeneratedRegex(@"^Discussion prompt \d+ of 1[0-5]$")]
    private static partial Regex PromptTitle();
}
