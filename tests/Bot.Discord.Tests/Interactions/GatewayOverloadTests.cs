using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// The gateway path under overload, whole: INTERACTION_CREATE from the local Discord's gateway, the real
/// client, queue, workers, admission and dispatcher, callbacks and edits back over REST. The answer engine
/// is a <see cref="WorkGate"/> the test opens, and one handler runs at a time, so "the engine is busy" is
/// exact; the clock is fake and moves only when the test says.
/// </summary>
public sealed class GatewayOverloadTests
{
    private const string Callback = "create_interaction_response";

    [Fact]
    public async Task An_ask_that_cannot_be_answered_in_time_is_deferred_at_once_and_answered_by_edit()
    {
        await using var bot = await OverloadedBot.StartAsync();
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(600));
        var first = await bot.AskAsync(member: 1);
        await bot.Gate.WaitForEnteredAsync(2); // the engine works on the first

        // Behind it, the second's answer is expected 1.2 s after arrival: past DeferAfter (1 s).
        var second = await bot.AskAsync(member: 2);
        var deferral = await bot.CallbackAsync(second);

        Assert.Equal(5, Type(deferral));
        Assert.Empty(bot.CallbacksTo(first)); // the clock has not moved: the first is still within its time
        bot.Gate.Open();
        await bot.Discord.WaitUntilAsync(() => bot.EditsOf(second).Count == 1, "the deferred answer was edited in");

        Assert.Equal("Answer to " + second.Id, (string?)Body(Assert.Single(bot.EditsOf(second)))["content"]);
        Assert.Equal(4, Type(await bot.CallbackAsync(first)));
    }

    [Fact]
    public async Task A_private_ask_is_deferred_at_once_privately()
    {
        await using var bot = await OverloadedBot.StartAsync(plan: DeferralKind.Ephemeral);
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(600));
        await bot.AskAsync(member: 1);
        await bot.Gate.WaitForEnteredAsync(2);

        var deferral = await bot.CallbackAsync(await bot.AskAsync(member: 2));

        Assert.Equal(5, Type(deferral));
        Assert.Equal(64, (int?)Body(deferral)["data"]?["flags"]);
        bot.Gate.Open();
    }

    [Fact]
    public async Task Past_the_queue_budget_an_ask_gets_the_busy_reply_at_once_and_never_runs()
    {
        await using var bot = await OverloadedBot.StartAsync(maxQueueDelay: "00:00:02");
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(600));
        var running = await bot.AskAsync(member: 1);
        await bot.Gate.WaitForEnteredAsync(2);

        // Answers expected after 1.2 s and 1.8 s are deferred; one after 2.4 s is past MaxQueueDelay (2 s).
        var deferred = new[] { await bot.AskAsync(member: 2), await bot.AskAsync(member: 3) };
        foreach (var ask in deferred)
        {
            Assert.Equal(5, Type(await bot.CallbackAsync(ask)));
        }

        var refused = await bot.AskAsync(member: 4);
        var busy = await bot.CallbackAsync(refused);

        Assert.Equal(4, Type(busy));
        Assert.Equal(InteractionDispatcher.BusyMessage, (string?)Body(busy)["data"]!["content"]);
        Assert.Equal(64, (int?)Body(busy)["data"]!["flags"]);
        bot.Gate.Open();
        await bot.Discord.WaitUntilAsync(() => deferred.All(ask => bot.EditsOf(ask).Count == 1), "the deferred answers were edited in");
        Assert.Equal(4, Type(await bot.CallbackAsync(running)));
        Assert.DoesNotContain(refused.Label, bot.Gate.Entered);
        Assert.Equal(1, bot.Admission.RefusedBusy);
    }

    [Fact]
    public async Task A_member_flooding_is_told_the_bot_is_busy_and_another_member_waits_only_behind_their_share()
    {
        await using var bot = await OverloadedBot.StartAsync(maxQueuedPerMember: 2);
        var flood = new List<Sent> { await bot.AskAsync(member: 1) };
        await bot.Gate.WaitForEnteredAsync(1);
        for (var i = 0; i < 4; i++)
        {
            flood.Add(await bot.AskAsync(member: 1));
        }

        var other = await bot.AskAsync(member: 2);
        await DispatcherHarness.WaitUntilAsync(() => bot.Admission.Waiting == 3, "two of the flood and the other member wait", admission: bot.Admission);

        // The flood's fourth and fifth found two of that member's already waiting.
        foreach (var refused in flood.Skip(3))
        {
            Assert.Equal(InteractionDispatcher.BusyMessage, (string?)Body(await bot.CallbackAsync(refused))["data"]!["content"]);
        }

        bot.Gate.Open();
        await bot.Discord.WaitUntilAsync(() => bot.CallbacksTo(other).Count == 1, "the other member was answered");
        Assert.Equal([flood[0].Label, flood[1].Label, flood[2].Label, other.Label], bot.Gate.Entered);
        Assert.Equal("Answer to " + other.Id, (string?)Body(await bot.CallbackAsync(other))["data"]!["content"]);
    }

    [Fact]
    public async Task A_server_flooding_does_not_starve_another_server()
    {
        await using var bot = await OverloadedBot.StartAsync();
        var busyServer = new List<Sent> { await bot.AskAsync(member: 1, OverloadScenario.Server) };
        await bot.Gate.WaitForEnteredAsync(1);
        for (var member = 2UL; member <= 4; member++)
        {
            busyServer.Add(await bot.AskAsync(member, OverloadScenario.Server));
        }

        await DispatcherHarness.WaitUntilAsync(() => bot.Admission.Waiting == 3, "the busy server's questions wait", admission: bot.Admission);
        var quiet = await bot.AskAsync(member: 9, OverloadScenario.OtherServer);
        await DispatcherHarness.WaitUntilAsync(() => bot.Admission.Waiting == 4, "the other server's question waits", admission: bot.Admission);

        bot.Gate.Open();
        await bot.Discord.WaitUntilAsync(() => busyServer.Append(quiet).All(ask => bot.CallbacksTo(ask).Count == 1), "everyone was answered");

        // Servers take turns: the quiet server's one question goes right after the busy server's next.
        Assert.Equal([busyServer[0].Label, busyServer[1].Label, quiet.Label, busyServer[2].Label, busyServer[3].Label], bot.Gate.Entered);
    }

    [Fact]
    public async Task An_interaction_whose_window_passed_while_it_waited_is_not_answered_late()
    {
        await using var bot = await OverloadedBot.StartAsync();
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(100));
        var running = await bot.AskAsync(member: 1);
        await bot.Gate.WaitForEnteredAsync(2);
        var waiting = await bot.AskAsync(member: 2); // expected 0.2 s after arrival: admitted to be answered, not deferred
        await DispatcherHarness.WaitUntilAsync(() => bot.Admission.Waiting == 1, "the second waits its turn", admission: bot.Admission);

        // The process stalls 3.5 s (a long pause, starved threads): both deferral timers fire past Discord's window.
        bot.Time.Advance(TimeSpan.FromSeconds(3.5));
        await DispatcherHarness.WaitUntilAsync(() => bot.Workers.InFlight == 0, "both dispatches ended", workers: bot.Workers);
        bot.Gate.Open();

        Assert.Empty(bot.CallbacksTo(waiting));
        Assert.Empty(bot.CallbacksTo(running));
        Assert.DoesNotContain(waiting.Label, bot.Gate.Entered);
        Assert.Equal(2, bot.Admission.Expired);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains($"Interaction {waiting.Id} (ask) could not be acknowledged before Discord's 3-second window passed", StringComparison.Ordinal));
    }

    private static int Type(RecordedRequest callback) => (int)Body(callback)["type"]!;

    private static JsonNode Body(RecordedRequest request) => JsonNode.Parse(request.Body)!;

    private sealed record Sent(ulong Id, string Token)
    {
        public string Label => Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bot on the gateway with one handler at a time, DeferAfter 1 s, and a gated engine.</summary>
    private sealed class OverloadedBot : IAsyncDisposable
    {
        private readonly GatewayHarness _harness;

        private OverloadedBot(GatewayHarness harness, WorkGate gate)
        {
            _harness = harness;
            Gate = gate;
        }

        public WorkGate Gate { get; }

        public LocalDiscordServer Discord => _harness.Server;

        public FakeTimeProvider Time => _harness.FakeTime;

        public InteractionAdmission Admission => _harness.Host.Services.GetRequiredService<InteractionAdmission>();

        public InteractionWorkers Workers => _harness.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<InteractionWorkers>().Single();

        public Local.Logging.CapturingLoggerProvider Logs => _harness.Logs;

        public static async Task<OverloadedBot> StartAsync(DeferralKind plan = DeferralKind.Public, string maxQueueDelay = "00:01:00", int maxQueuedPerMember = 3)
        {
            var gate = new WorkGate();
            var handler = new TestInteractionHandler
            {
                Plan = _ => plan,
                Handle = async (interaction, cancellationToken) =>
                {
                    await gate.PassAsync(interaction.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
                    return TestInteractionHandler.Reply("Answer to " + interaction.Id);
                },
            };
            var harness = await GatewayHarness.StartAsync(
                time: new FakeTimeProvider(),
                handler: handler,
                settings: _ => OverloadScenario.Settings(maxQueueDelay, maxQueuedPerMember));
            await harness.Gateway.WaitForAsync(
                gateway => gateway.Connections.LastOrDefault(c => c.IsOpen) is { } open && open.Sent.Any(frame => frame.T == "READY"),
                "READY");
            return new OverloadedBot(harness, gate);
        }

        /// <summary>One answer that takes <paramref name="duration"/> on the clock: from then on admission expects that of a handler.</summary>
        public async Task MeasureHandlersAtAsync(TimeSpan duration)
        {
            var entered = Gate.Entered.Count;
            var ask = await AskAsync(member: 999);
            await Gate.WaitForEnteredAsync(entered + 1);
            Time.Advance(duration);
            Gate.Let();
            await CallbackAsync(ask);
            await DispatcherHarness.WaitUntilAsync(() => Admission.Running == 0, "the handler's time was measured", admission: Admission);
            Assert.Equal(duration, Admission.ServiceTime);
        }

        /// <summary>Sends /ask from <paramref name="member"/> in <paramref name="guild"/> over the gateway.</summary>
        public async Task<Sent> AskAsync(ulong member, ulong guild = OverloadScenario.Server)
        {
            var ask = OverloadScenario.Ask(Discord, member, guild);
            await _harness.Gateway.DispatchInteractionAsync(ask.ToJsonString());
            return new Sent(ulong.Parse((string)ask["id"]!, CultureInfo.InvariantCulture), (string)ask["token"]!);
        }

        public IReadOnlyList<RecordedRequest> CallbacksTo(Sent ask) =>
            Discord.RequestsTo(Callback).Where(r => r.Path.StartsWith($"/interactions/{ask.Id}/", StringComparison.Ordinal)).ToArray();

        public IReadOnlyList<RecordedRequest> EditsOf(Sent ask) =>
            OverloadScenario.EditsOf(Discord, ask.Token);

        /// <summary>The one initial callback of <paramref name="ask"/>, once the local Discord has it.</summary>
        public async Task<RecordedRequest> CallbackAsync(Sent ask)
        {
            await Discord.WaitUntilAsync(() => CallbacksTo(ask).Count > 0, $"a callback to {ask.Id}");
            return Assert.Single(CallbacksTo(ask));
        }

        public ValueTask DisposeAsync()
        {
            Gate.Open();
            return _harness.DisposeAsync();
        }
    }
}
