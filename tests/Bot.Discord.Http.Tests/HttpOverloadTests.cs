using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Models.Interactions;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Http.Tests;

/// <summary>
/// The HTTP endpoint under overload: real Kestrel on 127.0.0.1, Ed25519-signed deliveries from the local
/// Discord (which takes each 200's body as the initial response, as Discord does), the real dispatcher and
/// admission, one handler at a time, and an answer engine that is a <see cref="WorkGate"/> the test opens.
/// Every clock (endpoint, dispatcher, local Discord) is one fake clock that moves only when the test says.
/// </summary>
public sealed class HttpOverloadTests
{
    [Fact]
    public async Task An_ask_that_cannot_be_answered_in_time_gets_a_deferral_at_once_and_its_answer_by_edit()
    {
        await using var bot = await OverloadedEndpoint.StartAsync();
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(600));
        var first = bot.Ask(member: 1);
        await bot.Gate.WaitForEnteredAsync(2);

        // Behind the first, its answer is expected 1.2 s after arrival: past DeferAfter (1 s).
        var second = bot.Ask(member: 2);
        var deferral = await second.Answer.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(200, deferral.Status);
        Assert.Equal(5, deferral.ResponseType());
        Assert.False(first.Answer.IsCompleted); // the clock has not moved: the first is still within its time
        bot.Gate.Open();
        Assert.Equal(4, (await first.Answer).ResponseType());
        await bot.Discord.WaitUntilAsync(() => bot.EditsOf(second).Count == 1, "the deferred answer was edited in");
        Assert.Equal("Answer to " + second.Id, (string?)JsonNode.Parse(bot.EditsOf(second)[0].Body)!["content"]);
    }

    [Fact]
    public async Task Past_the_queue_budget_an_ask_gets_the_busy_reply_at_once_and_never_runs()
    {
        await using var bot = await OverloadedEndpoint.StartAsync(maxQueueDelay: "00:00:02");
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(600));
        var running = bot.Ask(member: 1);
        await bot.Gate.WaitForEnteredAsync(2);
        var deferred = new[] { bot.Ask(member: 2), bot.Ask(member: 3) };
        foreach (var ask in deferred)
        {
            Assert.Equal(5, (await ask.Answer.WaitAsync(TimeSpan.FromSeconds(10))).ResponseType());
        }

        var refused = bot.Ask(member: 4);
        var busy = await refused.Answer.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(200, busy.Status);
        Assert.Equal(4, busy.ResponseType());
        Assert.Equal(InteractionDispatcher.BusyMessage, (string?)busy.Json()!["data"]!["content"]);
        Assert.Equal(64, (int?)busy.Json()!["data"]!["flags"]);
        bot.Gate.Open();
        Assert.Equal(4, (await running.Answer).ResponseType());
        await bot.Discord.WaitUntilAsync(() => deferred.All(ask => bot.EditsOf(ask).Count == 1), "the deferred answers were edited in");
        Assert.DoesNotContain(refused.Label, bot.Gate.Entered);
    }

    [Fact]
    public async Task A_member_flooding_is_told_the_bot_is_busy_and_another_member_waits_only_behind_their_share()
    {
        await using var bot = await OverloadedEndpoint.StartAsync(maxQueuedPerMember: 2);
        var flood = new List<Delivery> { bot.Ask(member: 1) };
        await bot.Gate.WaitForEnteredAsync(1);
        for (var i = 1; i <= 2; i++)
        {
            flood.Add(bot.Ask(member: 1));
            await bot.WaitingAsync(i);
        }

        var refused = new[] { bot.Ask(member: 1), bot.Ask(member: 1) };
        foreach (var ask in refused)
        {
            Assert.Equal(InteractionDispatcher.BusyMessage, (string?)(await ask.Answer.WaitAsync(TimeSpan.FromSeconds(10))).Json()!["data"]!["content"]);
        }

        var other = bot.Ask(member: 2);
        await bot.WaitingAsync(3);
        bot.Gate.Open();

        Assert.Equal("Answer to " + other.Id, (string?)(await other.Answer.WaitAsync(TimeSpan.FromSeconds(10))).Json()!["data"]!["content"]);
        Assert.Equal([flood[0].Label, flood[1].Label, flood[2].Label, other.Label], bot.Gate.Entered);
    }

    [Fact]
    public async Task A_server_flooding_does_not_starve_another_server()
    {
        await using var bot = await OverloadedEndpoint.StartAsync();
        var busyServer = new List<Delivery> { bot.Ask(member: 1, OverloadScenario.Server) };
        await bot.Gate.WaitForEnteredAsync(1);
        for (var member = 2UL; member <= 4; member++)
        {
            busyServer.Add(bot.Ask(member, OverloadScenario.Server));
            await bot.WaitingAsync((int)member - 1);
        }

        var quiet = bot.Ask(member: 9, OverloadScenario.OtherServer);
        await bot.WaitingAsync(4);
        bot.Gate.Open();
        await Task.WhenAll(busyServer.Append(quiet).Select(ask => ask.Answer)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([busyServer[0].Label, busyServer[1].Label, quiet.Label, busyServer[2].Label, busyServer[3].Label], bot.Gate.Entered);
    }

    [Fact]
    public async Task An_interaction_whose_window_passed_while_it_waited_is_not_answered_late()
    {
        await using var bot = await OverloadedEndpoint.StartAsync();
        await bot.MeasureHandlersAtAsync(TimeSpan.FromMilliseconds(100));
        var running = bot.Ask(member: 1);
        await bot.Gate.WaitForEnteredAsync(2);
        var waiting = bot.Ask(member: 2); // expected 0.2 s after arrival: admitted to be answered, not deferred
        await bot.WaitingAsync(1);

        // The process stalls 3.5 s: every timer fires past Discord's window.
        bot.Time.Advance(TimeSpan.FromSeconds(3.5));
        var late = await waiting.Answer.WaitAsync(TimeSpan.FromSeconds(10));
        var stalled = await running.Answer.WaitAsync(TimeSpan.FromSeconds(10));
        await bot.AdmissionHoldsAsync(() => bot.Admission.Expired == 2, "both were dropped");
        bot.Gate.Open();

        Assert.Equal(503, late.Status);
        Assert.Equal(503, stalled.Status);
        Assert.DoesNotContain(waiting.Label, bot.Gate.Entered);
        Assert.Empty(bot.EditsOf(waiting));
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains($"Interaction {waiting.Id} (ask) could not be acknowledged before Discord's 3-second window passed", StringComparison.Ordinal));
    }

    /// <summary>One signed /ask on its way; <see cref="Answer"/> is the endpoint's HTTP answer to come.</summary>
    private sealed record Delivery(ulong Id, string Token, Task<HttpDeliveryResult> Answer)
    {
        public string Label => Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The endpoint with one handler at a time, DeferAfter 1 s, and a gated engine.</summary>
    private sealed class OverloadedEndpoint : IAsyncDisposable
    {
        private readonly EndpointHarness _host;
        private readonly HttpDelivery _delivery;

        private OverloadedEndpoint(LocalDiscordServer discord, EndpointHarness host, HttpDelivery delivery, WorkGate gate, FakeTimeProvider time)
        {
            Discord = discord;
            _host = host;
            _delivery = delivery;
            Gate = gate;
            Time = time;
        }

        public LocalDiscordServer Discord { get; }

        public WorkGate Gate { get; }

        public FakeTimeProvider Time { get; }

        public InteractionAdmission Admission => _host.Services.GetRequiredService<InteractionAdmission>();

        public Local.Logging.CapturingLoggerProvider Logs => _host.Logs;

        public static async Task<OverloadedEndpoint> StartAsync(string maxQueueDelay = "00:01:00", int maxQueuedPerMember = 3)
        {
            var time = new FakeTimeProvider();
            var gate = new WorkGate();
            var discord = await LocalDiscordServer.StartAsync(time);
            var host = await EndpointHarness.StartAsync(settings =>
            {
                settings.Time = time;
                settings.Discord = discord;
                settings.Handler = new GatedHandler(gate);
                foreach (var (name, value) in OverloadScenario.Settings(maxQueueDelay, maxQueuedPerMember))
                    settings.Config[name] = value;
            });

            // Discord's side of the delivery, signing with the key the endpoint trusts.
            var delivery = new HttpDelivery(discord, new Uri(host.BaseUrl + EndpointHarness.Path));
            return new OverloadedEndpoint(discord, host, delivery, gate, time);
        }

        /// <summary>One answer that takes <paramref name="duration"/> on the clock: from then on admission expects that of a handler.</summary>
        public async Task MeasureHandlersAtAsync(TimeSpan duration)
        {
            var entered = Gate.Entered.Count;
            var ask = Ask(member: 999);
            await Gate.WaitForEnteredAsync(entered + 1);
            Time.Advance(duration);
            Gate.Let();
            Assert.Equal(4, (await ask.Answer.WaitAsync(TimeSpan.FromSeconds(10))).ResponseType());
            await AdmissionHoldsAsync(() => Admission.Running == 0, "the handler's time was measured");
            Assert.Equal(duration, Admission.ServiceTime);
        }

        /// <summary>Signs and POSTs /ask from <paramref name="member"/> in <paramref name="guild"/>, without waiting for the answer.</summary>
        public Delivery Ask(ulong member, ulong guild = OverloadScenario.Server)
        {
            var ask = OverloadScenario.Ask(Discord, member, guild);
            var body = System.Text.Encoding.UTF8.GetBytes(ask.ToJsonString());
            var timestamp = _delivery.Timestamp();
            var answer = _delivery.SendAsync(body, timestamp, EndpointHarness.Sign(_host.Key, timestamp, body));
            return new Delivery(ulong.Parse((string)ask["id"]!, CultureInfo.InvariantCulture), (string)ask["token"]!, answer);
        }

        /// <summary>Waits until <paramref name="count"/> interactions wait for a handler.</summary>
        public Task WaitingAsync(int count) =>
            AdmissionHoldsAsync(() => Admission.Waiting == count, $"{count} waiting for a handler");

        /// <summary>Waits until <paramref name="condition"/> on the admission's counts holds, re-checking it each time they change.</summary>
        public Task AdmissionHoldsAsync(Func<bool> condition, string what) =>
            ChangeSignal.WaitUntilAsync(h => Admission.Changed += h, h => Admission.Changed -= h, condition, TimeSpan.FromSeconds(10), () => "Timed out waiting until " + what);

        public IReadOnlyList<RecordedRequest> EditsOf(Delivery ask) =>
            OverloadScenario.EditsOf(Discord, ask.Token);

        public async ValueTask DisposeAsync()
        {
            Gate.Open();
            await _host.DisposeAsync();
            _delivery.Dispose();
            await Discord.DisposeAsync();
        }
    }

    private sealed class GatedHandler(WorkGate gate) : IInteractionHandler
    {
        public DeferralKind PlanDeferral(Interaction interaction) => DeferralKind.Public;

        public async ValueTask<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            await gate.PassAsync(interaction.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return InteractionReply.Message(new InteractionCallbackData { Content = "Answer to " + interaction.Id });
        }
    }
}
