using Bot.Commands.Definitions;
using Bot.Commands.Tests.Support;
using Bot.Commands.Unanswered;

namespace Bot.Commands.Tests;

/// <summary>/unanswered: for moderators only, most asked first, per server.</summary>
public class UnansweredCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Registered_for_members_with_manage_messages_and_answered_privately()
    {
        var definition = knowledge.Catalog.Find("unanswered")!.Definition;

        Assert.Equal(MemberPermission.ManageMessages, definition.RequiredPermission);
        Assert.True(definition.Ephemeral);
        Assert.Empty(definition.Options);
    }

    [Theory]
    [InlineData(MemberPermission.None)]
    [InlineData(MemberPermission.PinMessages | MemberPermission.CreateEvents)]
    public async Task A_member_without_manage_messages_is_refused_even_if_discord_showed_them_the_command(MemberPermission permissions)
    {
        var store = new Listed(("Where can I watch it?", 3, Monday));
        var command = new UnansweredCommand(store);

        var reply = await command.ExecuteAsync(Context(permissions), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Equal(UnansweredCommand.RefusedText, reply.Content);
        Assert.Contains("**Manage Messages**", reply.Content);
        Assert.Equal(0, store.Asked);
    }

    [Theory]
    [InlineData(MemberPermission.ManageMessages)]
    [InlineData(MemberPermission.Administrator)]
    public async Task A_moderator_sees_the_questions_most_asked_first_with_counts_and_last_asked_dates(MemberPermission permissions)
    {
        var store = new Listed(
            ("Where can I watch it?", 12, Monday),
            ("How long is the film?", 2, Monday.AddDays(-3)),
            ("Is there a sequel?", 1, Monday.AddDays(-10)));
        var command = new UnansweredCommand(store);

        var reply = await command.ExecuteAsync(Context(permissions), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        ReplyAssert.WithinDiscordLimits(reply);
        var lines = Assert.Single(reply.Embeds).Description!.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal($"**1.** Where can I watch it? · asked 12 times, last <t:{Monday.ToUnixTimeSeconds()}:d>", lines[0]);
        Assert.Equal($"**2.** How long is the film? · asked twice, last <t:{Monday.AddDays(-3).ToUnixTimeSeconds()}:d>", lines[1]);
        Assert.StartsWith("**3.** Is there a sequel? · asked once", lines[2]);
        Assert.Equal(("42", UnansweredCommand.Shown), store.LastRequest); // this server's, at most 20
    }

    [Fact]
    public async Task Questions_are_shown_as_typed_escaped_and_pinging_nobody()
    {
        var store = new Listed(("@everyone what is **this** <@&123>? " + new string('x', 400), 1, Monday));

        var reply = await new UnansweredCommand(store).ExecuteAsync(Context(MemberPermission.ManageMessages), CancellationToken.None);

        ReplyAssert.PingsNobody(reply);
        ReplyAssert.WithinDiscordLimits(reply);
        Assert.Contains(@"\*\*this\*\*", reply.Embeds[0].Description);
        Assert.True(reply.Embeds[0].Description!.Length < 300); // a long question is cut
    }

    [Fact]
    public async Task With_nothing_recorded_the_moderator_is_told_so()
    {
        var reply = await knowledge.RunAsync("unanswered", MemberPermission.ManageMessages);

        Assert.True(reply.Ephemeral);
        Assert.Equal(UnansweredCommand.NoneText, reply.Content);
    }

    private CommandContext Context(MemberPermission permissions) => knowledge.Context("unanswered") with { Permissions = permissions };

    /// <summary>A store that lists what it was given, in that order, and remembers what it was asked for.</summary>
    private sealed class Listed(params (string Question, long Count, DateTimeOffset Last)[] questions) : IUnansweredQuestions
    {
        public int Asked { get; private set; }

        public (string? Guild, int Limit) LastRequest { get; private set; }

        public ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<IReadOnlyList<UnansweredQuestionCount>> TopAsync(string? guildId, int limit, CancellationToken cancellationToken)
        {
            Asked++;
            LastRequest = (guildId, limit);
            return ValueTask.FromResult<IReadOnlyList<UnansweredQuestionCount>>(
                questions.Select(q => new UnansweredQuestionCount(q.Question, q.Count, q.Last.AddDays(-30), q.Last)).ToArray());
        }
    }
}
