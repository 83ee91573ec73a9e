using System.Net;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Tests.Discord;

/// <summary>
/// Discord's side for the real executable in Http mode: a work folder for the bot, a free local
/// port for its endpoint, the local Discord, the <see cref="HttpDelivery"/> that signs and POSTs
/// interactions to that port, and a client for the bot's other routes (<c>/healthz</c>).
/// </summary>
internal sealed class HttpModeHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private HttpModeHarness(TempFolder work, int port, LocalDiscordServer discord)
    {
        Work = work;
        Port = port;
        Discord = discord;
        Delivery = new HttpDelivery(discord, new Uri($"http://127.0.0.1:{port}/interactions"));
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public TempFolder Work { get; }

    public int Port { get; }

    public LocalDiscordServer Discord { get; }

    public HttpDelivery Delivery { get; }

    public HttpClient Http { get; }

    public static async Task<HttpModeHarness> StartAsync()
    {
        var work = new TempFolder();
        var port = LocalPorts.Free();
        return new HttpModeHarness(work, port, await LocalDiscordServer.StartAsync());
    }

    /// <summary>Starts the bot and waits until its probe says ready.</summary>
    public async Task<BotProcess> StartReadyAsync(Dictionary<string, string?> settings)
    {
        var bot = BotProcess.Start(Work.FullPath, settings);
        try
        {
            // Kestrel listens once the hosted services have started, the knowledge among them: both say so in the log.
            await bot.WaitForLogAsync("Knowledge ready", Patience);
            await bot.WaitForLogAsync("Now listening on", Patience);
            var status = await ProbeAsync(bot);
            if (status != HttpStatusCode.OK)
                throw new InvalidOperationException($"The bot listens but its probe says {status}:\n{bot.Error}");
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>GET /healthz: its status, or 0 when nothing listens yet.</summary>
    public async Task<HttpStatusCode> ProbeAsync(BotProcess bot)
    {
        if (bot.HasExited)
            throw new InvalidOperationException($"The bot exited ({bot.ExitCode}) before it was ready:\n{bot.Error}");
        try
        {
            using var probe = await Http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return probe.StatusCode;
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Delivery.Dispose();
        await Discord.DisposeAsync();
        Work.Dispose();
    }
}
