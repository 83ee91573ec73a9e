using Bot.Discord.Interactions;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// Text that would ping (@everyone, a member, a role) pings nobody however the reply goes out: the
/// local Discord works out whom each message pings from its <c>allowed_mentions</c>, as Discord does.
/// </summary>
public sealed class NobodyIsPingedTests
{
    private const string Pings = "@everyone @here <@874955302502531078> <@!874955302502531078> <@&1213418270883971070> Beyond Utopia.";
    private static readonly TimeSpan ShortDeferAfter = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task Every_kind_of_send_pings_nobody_whatever_the_handler_allowed()
    {
        await using var harness = await DispatcherHarness.StartAsync(ShortDeferAfter);

        // As the initial response, with an after-send note; after a deferral; a public deferral replaced by a private answer.
        await DispatchAsync(harness, harness.NewCommand(), slow: false, ephemeral: false, withNote: true);
        await DispatchAsync(harness, harness.NewCommand(), slow: true, ephemeral: false, withNote: false);
        await DispatchAsync(harness, harness.NewCommand(), slow: true, ephemeral: true, withNote: false);
        await harness.Server.WaitUntilAsync(() => harness.Server.RequestsTo(DispatcherHarness.FollowupOperation).Count(r => r.Status is not null) == 2, "the note and the private answer were sent");

        var messages = harness.Server.Messages.Where(m => ((string?)m["content"])?.Contains("Beyond Utopia", StringComparison.Ordinal) == true).ToArray();
        Assert.Equal(4, messages.Length); // the reply, its note, the edited placeholder, the private answer
        Assert.All(messages, m => Assert.False(LocalDiscordServer.Pinged(m), m.ToJsonString()));
        Assert.All(
            harness.Server.Requests.Where(r => r.Operation is DispatcherHarness.EditOperation or DispatcherHarness.FollowupOperation),
            r => Assert.Equal("{\"parse\":[]}", DispatcherHarness.Body(r)["allowed_mentions"]!.ToJsonString()));
    }

    [Fact]
    public async Task Without_the_policy_the_local_discord_would_count_the_pings()
    {
        // The check above can fail: a follow-up that leaves allowed_mentions out pings the member it names.
        await using var harness = await DispatcherHarness.StartAsync();
        var incoming = harness.NewCommand();
        await harness.DispatchAsync(incoming);
        var raw = await harness.Rest.Client.CreateFollowupMessageAsync(harness.Server.ApplicationId, incoming.Interaction.Token, new CreateFollowupMessageRequest { Content = Pings });

        Assert.True(raw.IsSuccess, raw.ToString());
        Assert.Contains(harness.Server.Messages, m => (string?)m["id"] == raw.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && LocalDiscordServer.Pinged(m));
    }

    private static async Task DispatchAsync(DispatcherHarness harness, IncomingInteraction incoming, bool slow, bool ephemeral, bool withNote)
    {
        harness.Handler.Handle = async (_, _) =>
        {
            if (slow)
                await harness.WaitForCallbackAsync(incoming);

            var reply = InteractionReply.Message(new InteractionCallbackData
            {
                Content = Pings,
                Flags = ephemeral ? MessageFlags.Ephemeral : null,
                AllowedMentions = new AllowedMentions { Parse = [AllowedMentionType.Everyone, AllowedMentionType.Users, AllowedMentionType.Roles] },
            });
            return withNote
                ? reply with { AfterSent = (_, _) => ValueTask.FromResult<InteractionCallbackData?>(new InteractionCallbackData { Content = Pings }) }
                : reply;
        };
        await harness.DispatchAsync(incoming);
    }
}
