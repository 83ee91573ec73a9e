using System.Diagnostics;
using Bot.Discord.Local;

namespace Bot.Benchmarks.Overload;

/// <summary>The bot on the gateway: each /ask is an INTERACTION_CREATE; the callback the local Discord receives is the acknowledgement.</summary>
internal sealed class GatewayOverloadTarget : OverloadTarget
{
    /// <summary>After this, a callback that has not come is one that will not come in Discord's window.</summary>
    private static readonly TimeSpan Stragglers = TimeSpan.FromSeconds(5);

    private GatewayOverloadTarget(LocalDiscordServer discord, Process bot, string data, System.Text.StringBuilder log)
        : base(discord, bot, data, log)
    {
    }

    public override string Transport => "gateway";

    public static async Task<GatewayOverloadTarget> StartAsync(string semantic, string logLevel, IReadOnlyDictionary<string, string> environment)
    {
        var discord = await LocalDiscordServer.StartAsync();
        var data = NewDataFolder("gateway");
        var log = new System.Text.StringBuilder();
        var bot = BotProcess.Start(discord, data, semantic, logLevel, environment, log);
        var started = Stopwatch.StartNew();
        while (discord.Gateway.CurrentSessionId is null)
        {
            if (bot.HasExited || started.Elapsed > TimeSpan.FromMinutes(3))
                throw new InvalidOperationException($"The bot did not connect:\n{log}");
            await Task.Delay(20);
        }

        return new GatewayOverloadTarget(discord, bot, data, log);
    }

    public override async ValueTask<SentAsk> SendAsync(AskPayload ask)
    {
        var sentAt = DateTimeOffset.UtcNow;
        await Discord.Gateway.DispatchInteractionAsync(ask.Json);
        return new SentAsk(ask, sentAt, null);
    }

    public override Acknowledgement? AcknowledgementOf(SentAsk sent, DiscordRecord record)
    {
        if (record.CallbackTo(sent.Ask.Id) is not { } callback)
            return null;

        var after = callback.ReceivedAt - sent.SentAt;
        return callback.Status == 204
            ? new Acknowledgement(Acknowledgement.KindOf(callback.Body), after)
            : new Acknowledgement(AcknowledgementKind.None, after);
    }

    public override bool AllAcknowledged(IReadOnlyList<SentAsk> sent, DiscordRecord record, DateTimeOffset lastSent) =>
        DateTimeOffset.UtcNow - lastSent > Stragglers || sent.All(s => record.CallbackTo(s.Ask.Id) is { Status: not null });
}
