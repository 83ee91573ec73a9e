using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local;

namespace Bot.Tests.Discord;

/// <summary>
/// The real executable connected to a local Discord over the gateway, with helpers to send an
/// interaction and read what the member ends up seeing, however the bot delivered it: the
/// initial callback (type 4 or 7), or, after a deferral, the edit of the original response or
/// an ephemeral follow-up.
/// </summary>
internal sealed class ConnectedBot : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The channel of the interaction fixtures, where the local Discord puts every original response.</summary>
    public const ulong Channel = 1213418270883971075;

    public const ulong Guild = 1213418019225731074;

    private readonly TempFolder _work;

    private ConnectedBot(TempFolder work, LocalDiscordServer discord, BotProcess process)
    {
        _work = work;
        Discord = discord;
        Process = process;
    }

    public LocalDiscordServer Discord { get; }

    public BotProcess Process { get; }

    /// <summary>The bot's data folder (index and bot.db).</summary>
    public string DataFolder => _work.Combine("data");

    /// <param name="knowledge">Makes the knowledge folder in the bot's work folder; the shipped one when null.</param>
    public static async Task<ConnectedBot> StartAsync(Func<TempFolder, string>? knowledge = null)
    {
        var work = new TempFolder();
        var discord = await LocalDiscordServer.StartAsync();
        var process = BotProcess.Start(work.FullPath, new Dictionary<string, string?>
        {
            ["Discord__Token"] = discord.Token,
            ["Discord__ApplicationId"] = discord.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = discord.BaseUrl,
            ["Knowledge__Folder"] = knowledge?.Invoke(work) ?? TestPaths.ShippedKnowledge,
            ["Knowledge__DataFolder"] = work.Combine("data"),
            ["Knowledge__Semantic"] = "false",
            // One member sends every test's commands and clicks to this shared bot: the cooldown
            // (which has tests of its own) would refuse them in whatever order the tests run.
            ["Commands__Cooldown__Questions"] = "0",
            // The dispatcher says at Debug when an interaction, and the work after its reply, is done: what tests await.
            ["Logging__LogLevel__Bot.Discord.Interactions"] = "Debug",
        });
        var bot = new ConnectedBot(work, discord, process);
        try
        {
            await discord.Gateway.WaitForAsync(g => g.IdentifyCount >= 1 && g.CurrentSessionId is not null, "the bot to identify", Patience);
        }
        catch (TimeoutException e)
        {
            await bot.DisposeAsync();
            throw new TimeoutException($"{e.Message}\nBot log:\n{process.Error}", e);
        }

        return bot;
    }

    /// <summary>Dispatches <paramref name="interaction"/> and returns the message data the member sees in the end.</summary>
    public async Task<Seen> SendAsync(JsonObject interaction)
    {
        var id = (string)interaction["id"]!;
        var token = (string)interaction["token"]!;
        await Discord.Gateway.DispatchInteractionAsync(interaction.ToJsonString());
        Seen? seen = null;
        try
        {
            // Re-checked each time the local Discord records or answers a request.
            await Discord.WaitUntilAsync(() => (seen = SeenSoFar(id, token)) is not null, $"an answer to interaction {id}", Patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No answer to interaction {id} within {Patience}. Requests: {string.Join(", ", Discord.Requests)}\nBot log:\n{Process.Error}", e);
        }

        return seen!;
    }

    /// <summary>What the member sees of interaction <paramref name="id"/> so far: its message, or the message that followed a deferral; null while neither exists.</summary>
    private Seen? SeenSoFar(string id, string token)
    {
        var callback = Discord.RequestsTo("create_interaction_response").FirstOrDefault(r => r.Path.Contains($"/{id}/", StringComparison.Ordinal) && r.Status is not null);
        if (callback is null)
            return null;
        var body = JsonNode.Parse(callback.Body)!.AsObject();
        var type = (int)body["type"]!;
        var flags = (int?)body["data"]?["flags"] ?? 0;
        if (type is 4 or 7 or 8)
            return new Seen(type, flags, body["data"]!.AsObject(), callback);
        var later = Discord.Requests.FirstOrDefault(r => r.Operation is "update_original_webhook_message" or "execute_webhook"
                                                         && r.Path.Contains(token, StringComparison.Ordinal) && r.Status is not null);
        return later is null ? null : new Seen(type, flags, JsonNode.Parse(later.Body)!.AsObject(), later);
    }

    /// <summary>Waits until a request to <paramref name="operation"/> matching <paramref name="match"/> has been answered.</summary>
    public async Task<RecordedRequest> WaitForAsync(string operation, Func<RecordedRequest, bool>? match = null)
    {
        RecordedRequest? Found() => Discord.RequestsTo(operation).FirstOrDefault(r => r.Status is not null && (match?.Invoke(r) ?? true));
        try
        {
            await Discord.WaitUntilAsync(() => Found() is not null, $"an answered {operation}", Patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nBot log:\n{Process.Error}", e);
        }

        return Found()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Discord.DisposeAsync();
        _work.Dispose();
    }
}

/// <summary>What the member saw: the callback type that carried or announced it, the message data, and the request that carried it.</summary>
/// <param name="CallbackFlags">The initial callback's flags: after an ephemeral deferral the edit carries none, the deferral said it.</param>
internal sealed record Seen(int CallbackType, int CallbackFlags, JsonObject Data, RecordedRequest Request)
{
    public string Content => (string?)Data["content"] ?? "";

    public bool Ephemeral => (((int?)Data["flags"] ?? 0) & 64) == 64 || (CallbackFlags & 64) == 64;

    public JsonObject Embed(int index = 0) => Data["embeds"]![index]!.AsObject();

    /// <summary>The buttons' custom ids, row by row.</summary>
    public IReadOnlyList<string> CustomIds =>
        (Data["components"] as JsonArray ?? []).SelectMany(row => row!["components"]!.AsArray()).Select(b => (string)b!["custom_id"]!).ToArray();
}
