using System.Diagnostics;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Benchmarks.Overload;

/// <summary>The bot as an HTTP interactions endpoint: each /ask is a signed POST; its answer is the acknowledgement.</summary>
internal sealed class HttpOverloadTarget : OverloadTarget
{
    private readonly HttpDelivery _delivery;

    private HttpOverloadTarget(LocalDiscordServer discord, Process bot, string data, System.Text.StringBuilder log, HttpDelivery delivery)
        : base(discord, bot, data, log)
    {
        _delivery = delivery;
    }

    public override string Transport => "HTTP";

    public static async Task<HttpOverloadTarget> StartAsync(string semantic, string logLevel, IReadOnlyDictionary<string, string> environment)
    {
        var discord = await LocalDiscordServer.StartAsync();
        var port = BotExecutable.FreePort();

        // Discord gives up on a request after 3 s; waiting 10 tells a late answer from a missing one.
        var delivery = new HttpDelivery(discord, new Uri($"http://127.0.0.1:{port}/interactions"), TimeSpan.FromSeconds(10));
        var data = NewDataFolder("http");
        var log = new System.Text.StringBuilder();
        var bot = BotProcess.Start(discord, data, semantic, logLevel, environment, log, (port, delivery.PublicKeyHex));
        await BotProcess.WaitReadyAsync(bot, port, log);
        return new HttpOverloadTarget(discord, bot, data, log, delivery);
    }

    public override ValueTask<SentAsk> SendAsync(AskPayload ask) =>
        ValueTask.FromResult(new SentAsk(ask, DateTimeOffset.UtcNow, _delivery.DeliverAsync(ask.Json)));

    public override Acknowledgement? AcknowledgementOf(SentAsk sent, DiscordRecord record)
    {
        if (sent.Http is not { IsCompleted: true } answered)
            return null;

        var result = answered.Result;
        return result.Status == 200 && result.Acknowledged
            ? new Acknowledgement(Acknowledgement.KindOf(result.Body), result.Elapsed)
            : new Acknowledgement(AcknowledgementKind.None, result.Elapsed);
    }

    public override bool AllAcknowledged(IReadOnlyList<SentAsk> sent, DiscordRecord record, DateTimeOffset lastSent) =>
        sent.All(s => s.Http!.IsCompleted);

    protected override ValueTask DisposeTransportAsync()
    {
        _delivery.Dispose();
        return ValueTask.CompletedTask;
    }
}
