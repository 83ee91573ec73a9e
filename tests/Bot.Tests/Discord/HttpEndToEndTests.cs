using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;
using Bot.Discord.Local.OpenApi;
using NSec.Cryptography;

namespace Bot.Tests.Discord;

/// <summary>
/// The real executable in Http mode (<c>Discord__Transport=Http</c>): Kestrel on a free local port,
/// the local Discord playing Discord's part (<see cref="HttpDelivery"/> signs and POSTs interactions
/// and takes the answers as initial responses; its REST routes take registration and the edits of
/// deferred answers).
/// </summary>
public sealed partial class HttpEndToEndTests : IAsyncLifetime
{
    private const string EditOriginal = "update_original_webhook_message";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private HttpModeHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await HttpModeHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Dictionary<string, string?> Settings() => BotSettings.Http(_harness.Discord, _harness.Delivery, _harness.Port, _harness.Work.Combine("data"));

    [Fact]
    public async Task Healthz_says_ready_only_once_the_index_is_and_the_bot_then_answers()
    {
        // The default hybrid search on a data folder never indexed: ready once the words are indexed,
        // answering by them while the sentence model embeds the passages in the background.
        var settings = Settings();
        settings.Remove("Knowledge__Semantic");
        await using var bot = BotProcess.Start(_harness.Work.FullPath, settings);

        // Before ready the probe gets 503, or nothing at all: the host starts Kestrel after the hosted
        // services, so it does not listen until the index is built (and commands registered).
        var before = await _harness.ProbeAsync(bot);
        Assert.True(before is HttpStatusCode.ServiceUnavailable or 0, $"/healthz answered {before} before being ready");

        // Then ready, once the knowledge is and Kestrel listens (the host's lifetime log says when).
        await bot.WaitForLogAsync("Knowledge ready", Patience);
        await bot.WaitForLogAsync("Now listening on", Patience);
        for (var i = 0; i < 3; i++)
        {
            using var probe = await _harness.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
            Assert.Equal("ready", await probe.Content.ReadAsStringAsync());
            Assert.True(probe.Headers.CacheControl?.NoStore, "a probe's answer must not be cached");
        }

        var answer = await _harness.Delivery.DeliverAsync(Ask("Who directed Beyond Utopia?"));
        Assert.Contains("Madeleine Gavin", await AnswerTitleAsync(answer, bot));
    }

    /// <summary>
    /// The title of the answer the member sees: in the initial response, or, when the bot deferred,
    /// in the edit of the deferral. Right after start the sentence model embeds the knowledge in the
    /// background on the same cores, so on a loaded machine an answer may pass DeferAfter and come
    /// by the edit; either way the member gets it, and that is what this asserts.
    /// </summary>
    private async Task<string> AnswerTitleAsync(HttpDeliveryResult answer, BotProcess bot)
    {
        Assert.True(answer is { Status: 200 } && answer.ResponseType() is 4 or 5, $"expected a message or a deferral: {answer}\n{bot.Error}");
        if (answer.ResponseType() == 4)
            return answer.Json()!["data"]!["embeds"]![0]!["title"]!.GetValue<string>();
        await _harness.Discord.WaitForRequestsAsync(1, EditOriginal, Patience);
        var edit = Assert.Single(_harness.Discord.RequestsTo(EditOriginal));
        return (string)JsonNode.Parse(edit.Body)!["embeds"]![0]!["title"]!;
    }

    [Fact]
    public async Task Answers_a_signed_ask_in_the_http_answer_with_the_answer_in_an_embed_and_no_pings()
    {
        await using var bot = await _harness.StartReadyAsync(Settings());

        var answer = await _harness.Delivery.DeliverAsync(Ask("Who directed Beyond Utopia?"));

        Assert.True(answer is { Status: 200, ContentType: "application/json" } && answer.ResponseType() == 4, $"expected a message (type 4): {answer}\n{bot.Error}");
        var response = answer.Json()!;
        var embed = response["data"]!["embeds"]![0]!;
        Assert.Contains("Madeleine Gavin", embed["title"]!.GetValue<string>());
        Assert.Contains("Behind the Scenes with the Director", embed["footer"]!["text"]!.GetValue<string>());
        Assert.Empty(response["data"]!["allowed_mentions"]!["parse"]!.AsArray());

        // Discord took the answer as the interaction's response; the bot called none of the callback routes.
        Assert.True(answer.Acknowledged, answer.ToString());
        Assert.Empty(_harness.Discord.RequestsTo("create_interaction_response"));
        Assert.Empty(_harness.Discord.RequestsTo(EditOriginal));

        // The answer is an interaction response as Discord's API description has it, and so is everything
        // the bot sent the local Discord on the way (command registration).
        Assert.Empty(OpenApiRequestCheck.Problems(AsCallback(answer)));
        Assert.Empty(OpenApiRequestCheck.Problems(_harness.Discord.Requests));
    }

    [Fact]
    public async Task Unsigned_badly_signed_and_stale_requests_get_401_and_nothing_is_dispatched()
    {
        var settings = Settings();
        settings["Logging__LogLevel__Bot.Discord.Interactions.InteractionDispatcher"] = "Debug";
        await using var bot = await _harness.StartReadyAsync(settings);
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var refused = new List<(string Case, JsonObject Interaction, HttpDeliveryResult Answer)>();

        async Task Refuse(string name, Func<byte[], (byte[] Body, string? Timestamp, string? Signature)> tamper)
        {
            var interaction = Ask("Who directed Beyond Utopia?");
            var (body, timestamp, signature) = tamper(Encoding.UTF8.GetBytes(interaction.ToJsonString()));
            refused.Add((name, interaction, await _harness.Delivery.SendAsync(body, timestamp, signature)));
        }

        await Refuse("no headers", body => (body, null, null));
        await Refuse("no signature", body => (body, _harness.Delivery.Timestamp(), null));
        await Refuse("another key's signature", body =>
        {
            var timestamp = _harness.Delivery.Timestamp();
            return (body, timestamp, HttpDelivery.Sign(stranger, timestamp, body));
        });
        await Refuse("body changed after signing", body =>
        {
            var timestamp = _harness.Delivery.Timestamp();
            var signature = HttpDelivery.Sign(_harness.Delivery.Key, timestamp, body);
            return (Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("Who directed", "Who produced", StringComparison.Ordinal)), timestamp, signature);
        });
        await Refuse("timestamp changed after signing", body =>
        {
            var timestamp = _harness.Delivery.Timestamp();
            return (body, _harness.Delivery.Timestamp(TimeSpan.FromSeconds(-1)), HttpDelivery.Sign(_harness.Delivery.Key, timestamp, body));
        });
        await Refuse("signed 10 minutes ago", body =>
        {
            var timestamp = _harness.Delivery.Timestamp(TimeSpan.FromMinutes(-10));
            return (body, timestamp, HttpDelivery.Sign(_harness.Delivery.Key, timestamp, body));
        });

        // A good one after them: once it is answered and logged, anything dispatched before it would be too.
        var good = Ask("Who directed Beyond Utopia?");
        var answer = await _harness.Delivery.DeliverAsync(good);
        Assert.Equal(200, answer.Status);
        await bot.WaitForLogAsync($"Interaction {good["id"]} (ask) answered", Patience);

        Assert.All(refused, r =>
        {
            Assert.True(r.Answer.Status == 401, $"{r.Case}: {r.Answer}");
            Assert.Equal("", r.Answer.Body);
            Assert.DoesNotContain((string)r.Interaction["id"]!, bot.Error);
            Assert.DoesNotContain(_harness.Discord.Requests, request => request.Path.Contains((string)r.Interaction["token"]!, StringComparison.Ordinal));
        });
        // Refusals are counted and reported at most once a minute, so junk cannot flood the log:
        // the first one is reported at once, the others within the minute only counted.
        Assert.True(refused.Count > 1);
        Assert.Equal(1, CountOf(bot.Error, "with 401"));
        Assert.Contains("Refused 1 interaction request(s) with 401", bot.Error);
    }

    [Fact]
    public async Task At_information_level_each_interaction_is_one_log_line()
    {
        await using var bot = await _harness.StartReadyAsync(Settings());
        var before = bot.Error.Length;

        var asks = new[] { Ask("Who directed Beyond Utopia?"), Ask("Who is Pastor Kim?"), Ask("What is the Caleb Mission?") };
        foreach (var ask in asks)
            Assert.Equal(200, (await _harness.Delivery.DeliverAsync(ask)).Status);
        foreach (var ask in asks)
            await bot.WaitForLogAsync($"Interaction {ask["id"]} (ask) answered", Patience);

        // Not Kestrel's four lines per request, nor the HTTP client's four per REST call: ours, one each.
        var lines = bot.Error[before..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == asks.Length, string.Join('\n', lines));
    }

    [Fact]
    public async Task Answers_a_ping_with_a_pong()
    {
        await using var bot = await _harness.StartReadyAsync(Settings());
        var ping = JsonNode.Parse(FixtureFiles.Read("interaction_ping.json"))!.AsObject();
        var (id, token) = _harness.Discord.NewInteraction();
        ping["id"] = id.ToString(CultureInfo.InvariantCulture);
        ping["token"] = token;

        var answer = await _harness.Delivery.DeliverAsync(ping);

        Assert.Equal(200, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("""{"type":1}""", answer.Body);
        Assert.Empty(OpenApiRequestCheck.Problems(AsCallback(answer)));
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_in_the_http_answer_then_edits_the_original()
    {
        var settings = Settings();
        settings["Discord__Interactions__DeferAfter"] = "00:00:00";
        await using var bot = await _harness.StartReadyAsync(settings);
        var ask = Ask("Who directed Beyond Utopia?");

        var answer = await _harness.Delivery.DeliverAsync(ask);

        Assert.Equal(200, answer.Status);
        Assert.Equal(5, answer.ResponseType());
        Assert.True(answer.Acknowledged, answer.ToString());
        await _harness.Discord.WaitForRequestsAsync(1, EditOriginal, Patience);
        var edit = _harness.Discord.RequestsTo(EditOriginal).Single();
        Assert.Equal($"/webhooks/{_harness.Discord.ApplicationId}/{ask["token"]}/messages/@original", edit.Path);
        var sent = JsonNode.Parse(edit.Body)!;
        Assert.Contains("Madeleine Gavin", sent["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Empty(sent["allowed_mentions"]!["parse"]!.AsArray());

        // The local Discord knew the original from the HTTP answer: the edit was accepted, not 404.
        await _harness.Discord.WaitUntilAsync(() => edit.Status is not null, "the edit was answered", Patience);
        Assert.Equal(200, edit.Status);
        Assert.Empty(_harness.Discord.RequestsTo("create_interaction_response"));
        Assert.Empty(OpenApiRequestCheck.Problems(AsCallback(answer)));
        Assert.Empty(OpenApiRequestCheck.Problems(_harness.Discord.Requests));
    }

    [Fact]
    public async Task Sigterm_lets_the_answer_in_flight_finish_then_exits_0()
    {
        var settings = Settings();
        settings["Discord__Interactions__DeferAfter"] = "00:00:00";
        await using var bot = await _harness.StartReadyAsync(settings);
        var held = _harness.Discord.Hold(EditOriginal);

        // Deferred, so the answer is still on its way (the edit, held at the local Discord) when SIGTERM comes.
        var answer = await _harness.Delivery.DeliverAsync(Ask("Who directed Beyond Utopia?"));
        Assert.Equal(5, answer.ResponseType());
        await held.Arrived.WaitAsync(Patience);
        bot.Terminate();
        await bot.WaitForLogAsync("waiting for 1 interactions still being answered", Patience);
        Assert.False(bot.HasExited);

        held.Release();
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Every interaction in flight was answered", bot.Error);
        var edit = _harness.Discord.RequestsTo(EditOriginal).Single();
        Assert.Equal(200, edit.Status);
        Assert.Contains("Madeleine Gavin", JsonNode.Parse(edit.Body)!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_public_key_http_mode_stops_with_exit_2_naming_Discord__PublicKey()
    {
        var settings = Settings();
        settings.Remove("Discord__PublicKey");

        await using var bot = await BotProcess.RunAsync(_harness.Work.FullPath, settings);

        Assert.Equal(2, bot.ExitCode);
        Assert.Contains("Discord__PublicKey", bot.Error);
        Assert.Empty(_harness.Discord.Requests);
    }

    /// <summary>A new /ask interaction as Discord delivers it.</summary>
    private JsonObject Ask(string question) => InteractionPayloads.SlashCommand(_harness.Discord, "ask", [("question", question)]);

    /// <summary>
    /// The HTTP answer as the callback request it stands for (Discord takes either as the initial
    /// response), so it can be checked against the callback's schema in Discord's API description.
    /// </summary>
    private static RecordedRequest AsCallback(HttpDeliveryResult answer) => new()
    {
        Sequence = 0,
        Method = "POST",
        Path = $"/interactions/{answer.InteractionId}/{answer.Token}/callback",
        Query = "",
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = answer.ContentType ?? "" },
        Body = answer.Body,
        ReceivedAt = DateTimeOffset.UtcNow,
        Status = answer.Status,
    };

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
