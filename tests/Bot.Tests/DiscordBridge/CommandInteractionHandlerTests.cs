using System.Text.Json;
using Bot.Commands;
using Bot.Commands.Cooldowns;
using Bot.Commands.Hosting;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.Users;
using Bot.Discord.Serialization;
using Bot.DiscordBridge;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.DiscordBridge;

/// <summary>
/// The Discord side of the member commands: autocomplete interactions answered with the focused
/// option's suggestions, and button clicks planned (for a late reply's deferral) as the reply they
/// will get: a page in place, a private new message, or a public one.
/// </summary>
public sealed class CommandInteractionHandlerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ServiceProvider _services;
    private readonly CommandInteractionHandler _handler;

    public CommandInteractionHandlerTests()
    {
        var store = new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index")));
        new KnowledgeSynchronizer(store, TestPaths.ShippedKnowledge, 4 * 1024 * 1024, NullLogger.Instance).Synchronize();
        _services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton<AnswerEngine>()
            .AddBotCommands()
            .Configure<QuestionCooldownOptions>(o => o.Questions = 0)
            .BuildServiceProvider();
        _handler = new CommandInteractionHandler(_services.GetRequiredService<CommandCatalog>(), _services.GetRequiredService<IKnowledgeReader>());
    }

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Typing_a_topic_is_answered_with_names_from_the_knowledge_and_never_deferred()
    {
        var interaction = Autocomplete("about", Option("topic", "gav", focused: true));

        Assert.Equal(DeferralKind.None, _handler.PlanDeferral(interaction));
        var reply = await _handler.HandleAsync(interaction, CancellationToken.None);

        Assert.Equal(InteractionReplyKind.Autocomplete, reply.Kind);
        var choices = reply.Data.Choices!;
        Assert.InRange(choices.Count, 1, 25);
        Assert.Contains(choices, c => c.Name == "Madeleine Gavin" && c.Value == OptionValue.FromString("Madeleine Gavin"));
        Assert.All(choices, c => Assert.InRange(c.Name.Length, 1, 100));
        Assert.All(choices, c => Assert.True(c.Value.TryGetString(out var value) && value.Length is > 0 and <= 100));

        var json = JsonSerializer.Serialize(InteractionResponse.AutocompleteResult(choices), DiscordJson.Default.InteractionResponse);
        Assert.Contains("\"type\":8", json);
        Assert.Contains("{\"name\":\"Madeleine Gavin\",\"value\":\"Madeleine Gavin\"}", json);
    }

    [Fact]
    public async Task Empty_focused_option_suggests_the_most_named_topics()
    {
        var reply = await _handler.HandleAsync(Autocomplete("about", Option("topic", "", focused: true)), CancellationToken.None);

        Assert.InRange(reply.Data.Choices!.Count, 10, 25);
        Assert.Equal("Pastor Kim", reply.Data.Choices[0].Name);
    }

    [Fact]
    public async Task Six_thousand_typed_characters_get_no_suggestions()
    {
        var reply = await _handler.HandleAsync(Autocomplete("about", Option("topic", new string('a', 6000), focused: true)), CancellationToken.None);

        Assert.Equal(InteractionReplyKind.Autocomplete, reply.Kind);
        Assert.Empty(reply.Data.Choices!);
    }

    [Fact]
    public async Task Commands_or_options_without_suggestions_get_an_empty_list()
    {
        foreach (var interaction in new[]
                 {
                     Autocomplete("ask", Option("question", "who", focused: true)),
                     Autocomplete("nope", Option("topic", "kim", focused: true)),
                     Autocomplete("about", Option("topic", "kim", focused: false)),
                     Autocomplete("about"),
                 })
        {
            var reply = await _handler.HandleAsync(interaction, CancellationToken.None);

            Assert.Equal(InteractionReplyKind.Autocomplete, reply.Kind);
            Assert.Empty(reply.Data.Choices!);
        }
    }

    [Fact]
    public void Focused_option_is_found_inside_subcommands()
    {
        var nested = new[]
        {
            new InteractionDataOption
            {
                Name = "group",
                Type = ApplicationCommandOptionType.SubCommand,
                Options = [Option("other", "x", focused: false), Option("topic", "kim", focused: true)],
            },
        };

        Assert.Equal("topic", CommandInteractionHandler.Focused(nested)!.Name);
        Assert.Null(CommandInteractionHandler.Focused([Option("topic", "kim", focused: false)]));
    }

    [Fact]
    public async Task Private_answer_then_share_then_more_passages_each_planned_as_the_reply_they_get()
    {
        var ask = Command("ask", Option("question", "Who directed Beyond Utopia?"), new InteractionDataOption { Name = "private", Type = ApplicationCommandOptionType.Boolean, Value = true });
        Assert.Equal(DeferralKind.Ephemeral, _handler.PlanDeferral(ask));
        var answer = await _handler.HandleAsync(ask, CancellationToken.None);
        Assert.Equal(InteractionReplyKind.Message, answer.Kind);
        Assert.Equal(MessageFlags.Ephemeral, answer.Data.Flags);
        var buttons = Buttons(answer.Data);
        Assert.Equal(["More passages", "Share"], buttons.Select(b => b.Label));

        var share = Click(buttons.Single(b => b.Label == "Share").CustomId!);
        Assert.Equal(DeferralKind.Public, _handler.PlanDeferral(share));
        var shared = await _handler.HandleAsync(share, CancellationToken.None);
        Assert.Equal(InteractionReplyKind.Message, shared.Kind);
        Assert.Null(shared.Data.Flags); // for everyone in the channel
        Assert.Equal(answer.Data.Embeds![0].Title, shared.Data.Embeds![0].Title);

        var more = Click(buttons.Single(b => b.Label == "More passages").CustomId!);
        Assert.Equal(DeferralKind.Ephemeral, _handler.PlanDeferral(more));
        var passages = await _handler.HandleAsync(more, CancellationToken.None);
        Assert.Equal(InteractionReplyKind.Message, passages.Kind);
        Assert.Equal(MessageFlags.Ephemeral, passages.Data.Flags);
        Assert.Equal(3, passages.Data.Embeds![0].Fields!.Count);
    }

    [Fact]
    public async Task Search_pages_replace_the_message_they_are_on()
    {
        var search = await _handler.HandleAsync(Command("search", Option("query", "Pastor Kim")), CancellationToken.None);
        var next = Buttons(search.Data).Single(b => b.Label == "Next");

        var click = Click(next.CustomId!);
        Assert.Equal(DeferralKind.UpdateMessage, _handler.PlanDeferral(click));
        var page = await _handler.HandleAsync(click, CancellationToken.None);

        Assert.Equal(InteractionReplyKind.UpdateMessage, page.Kind);
        Assert.StartsWith("Page 2 of", page.Data.Embeds![0].Footer!.Text);
    }

    [Theory]
    [InlineData("search:1:#expiredkey01", DeferralKind.Ephemeral)]
    [InlineData("help:page:2", DeferralKind.UpdateMessage)]
    [InlineData("sources:page:1", DeferralKind.UpdateMessage)]
    [InlineData("nobody:1", DeferralKind.Ephemeral)]
    [InlineData("", DeferralKind.Ephemeral)]
    public void Clicks_are_planned_from_their_custom_id(string customId, DeferralKind expected)
    {
        Assert.Equal(expected, _handler.PlanDeferral(Click(customId)));
    }

    [Fact]
    public async Task Click_no_command_owns_gets_a_private_note()
    {
        var reply = await _handler.HandleAsync(Click("nobody:1"), CancellationToken.None);

        Assert.Equal(InteractionReplyKind.Message, reply.Kind);
        Assert.Equal(MessageFlags.Ephemeral, reply.Data.Flags);
    }

    [Fact]
    public void An_update_without_embeds_or_buttons_clears_them()
    {
        var data = DiscordMessages.ToDiscord(new Bot.Commands.Replies.Reply { Content = "gone", Kind = Bot.Commands.Replies.ReplyKind.UpdateMessage });

        Assert.Empty(data.Embeds!);
        Assert.Empty(data.Components!);
    }

    private static IReadOnlyList<Component> Buttons(InteractionCallbackData data) =>
        (data.Components ?? []).SelectMany(row => row.Components ?? []).ToArray();

    private static InteractionDataOption Option(string name, string value, bool? focused = null) =>
        new() { Name = name, Type = ApplicationCommandOptionType.String, Value = value, Focused = focused };

    private static Interaction Autocomplete(string command, params InteractionDataOption[] options) => Base() with
    {
        Type = InteractionType.ApplicationCommandAutocomplete,
        Data = new InteractionData { Name = command, Options = options },
    };

    private static Interaction Command(string command, params InteractionDataOption[] options) => Base() with
    {
        Type = InteractionType.ApplicationCommand,
        Data = new InteractionData { Name = command, Options = options },
    };

    private static Interaction Click(string customId) => Base() with
    {
        Type = InteractionType.MessageComponent,
        Data = new InteractionData { CustomId = customId, ComponentType = ComponentType.Button },
    };

    private static Interaction Base() => new()
    {
        Id = 1,
        ApplicationId = 2,
        GuildId = 42,
        ChannelId = 7,
        Token = "token",
        Member = new GuildMember { User = new User { Id = 99, Username = "member" } },
    };
}
