using System.Diagnostics;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Benchmarks.Overload;

/// <summary>One /ask on its way: what was sent, when (wall clock, as the local Discord stamps requests), and for HTTP the answer to come.</summary>
internal sealed record SentAsk(AskPayload Ask, DateTimeOffset SentAt, Task<HttpDeliveryResult>? Http);

/// <summary>
/// The bot under load, reached by one transport: it sends an /ask the way Discord would and reads back how
/// the interaction was acknowledged (the HTTP answer, or the callback the local Discord received).
/// </summary>
internal abstract class OverloadTarget : IAsyncDisposable
{
    protected OverloadTarget(LocalDiscordServer discord, Process bot, string data, System.Text.StringBuilder log)
    {
        Discord = discord;
        Bot = bot;
        Data = data;
        Log = log;
    }

    public LocalDiscordServer Discord { get; }

    public Process Bot { get; }

    /// <summary>The bot's stderr, but for info and debug lines.</summary>
    public System.Text.StringBuilder Log { get; }

    public abstract string Transport { get; }

    private string Data { get; }

    /// <summary>Sends <paramref name="ask"/>; for HTTP without waiting for the answer.</summary>
    public abstract ValueTask<SentAsk> SendAsync(AskPayload ask);

    /// <summary>How <paramref name="sent"/> was acknowledged, as far as is known now; null when not (yet).</summary>
    public abstract Acknowledgement? AcknowledgementOf(SentAsk sent, DiscordRecord record);

    /// <summary>True once every acknowledgement that will come has come.</summary>
    public abstract bool AllAcknowledged(IReadOnlyList<SentAsk> sent, DiscordRecord record, DateTimeOffset lastSent);

    public async ValueTask DisposeAsync()
    {
        Bot.Kill(entireProcessTree: true);
        await Bot.WaitForExitAsync();
        Bot.Dispose();
        await DisposeTransportAsync();
        await Discord.DisposeAsync();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected virtual ValueTask DisposeTransportAsync() => ValueTask.CompletedTask;

    /// <summary>A data folder of its own for one bot run.</summary>
    protected static string NewDataFolder(string transport) =>
        Path.Combine(Path.GetTempPath(), $"bot-{transport}-overload-" + Guid.NewGuid().ToString("N"));
}
