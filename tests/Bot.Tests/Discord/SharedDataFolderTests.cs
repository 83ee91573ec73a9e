using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local.Interactions;

namespace Bot.Tests.Discord;

/// <summary>
/// Two real processes on one data folder: the running bot (HTTP mode) owns the on-disk index, and
/// the command line's <c>ask</c>, started while it runs and pointed at a knowledge folder with
/// other files, answers from an in-memory copy. The running bot must not notice: its lock stays,
/// its reloads keep working, and nothing the other process read leaks into its answers.
/// </summary>
public sealed class SharedDataFolderTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const string LanternQuestion = "Where is the Zephyr Lantern Festival held?";
    private const string CookQuestion = "Who baked cornbread in the safe house?";
    private HttpModeHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await HttpModeHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Ask_from_the_command_line_while_the_bot_runs_leaves_the_bot_answering_and_reloading()
    {
        var knowledge = CopyOfShippedKnowledge("knowledge");
        var other = CopyOfShippedKnowledge("other-knowledge");
        File.WriteAllText(Path.Combine(other, "lanterns.md"), "# Festivals\n\nThe Zephyr Lantern Festival is held every spring in the harbour town of Quillport.\n");
        var data = _harness.Work.Combine("data");
        await using var bot = await StartReadyAsync(knowledge, data);
        var lock_ = Path.Combine(data, "index", "write.lock");
        Assert.True(File.Exists(lock_), "the running bot holds the index's write lock");

        var cli = await BotProcess.RunAsync(_harness.Work.FullPath, Lexical(), "ask", "--knowledge", other, "--data", data, LanternQuestion);

        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("Quillport", cli.Output);
        Assert.True(File.Exists(lock_), "the command line must not delete the running bot's write lock");

        // The bot goes on: a moderator's new file is picked up, and the other folder's file never was.
        File.WriteAllText(Path.Combine(knowledge, "cook.md"), "# The safe house\n\nThe safe house cook, Mrs. Lee, baked cornbread every Tuesday.\n");
        await bot.WaitForLogAsync("Knowledge index updated:", Patience, times: 2); // the first was the start
        var cook = await _harness.Delivery.DeliverAsync(Ask(CookQuestion));
        Assert.True(cook.Json()!.ToJsonString().Contains("Mrs. Lee", StringComparison.Ordinal), cook.Json()!.ToJsonString() + bot.Error);
        var lantern = await _harness.Delivery.DeliverAsync(Ask(LanternQuestion));
        Assert.DoesNotContain("Quillport", lantern.Json()!.ToJsonString());

        File.Delete(Path.Combine(knowledge, "cook.md"));
        await bot.WaitForLogAsync("Knowledge index updated:", Patience, times: 3);
        var gone = await _harness.Delivery.DeliverAsync(Ask(CookQuestion));
        Assert.DoesNotContain("Mrs. Lee", gone.Json()!.ToJsonString());
        Assert.DoesNotContain("fail", bot.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", bot.Error, StringComparison.Ordinal);
    }

    private string CopyOfShippedKnowledge(string name)
    {
        var folder = _harness.Work.Combine(name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestPaths.ShippedKnowledge))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Words only, in both processes: the copy is taken only from an index built with the same model.</summary>
    private static Dictionary<string, string?> Lexical() => new() { ["Knowledge__Semantic"] = "false" };

    private async Task<BotProcess> StartReadyAsync(string knowledge, string data)
    {
        var settings = Lexical();
        settings["Discord__Transport"] = "Http";
        settings["Discord__HttpUrls"] = $"http://127.0.0.1:{_harness.Port}";
        settings["Discord__PublicKey"] = _harness.Delivery.PublicKeyHex;
        settings["Discord__Token"] = _harness.Discord.Token;
        settings["Discord__ApplicationId"] = _harness.Discord.ApplicationId.ToString(CultureInfo.InvariantCulture);
        settings["Discord__ApiBaseUrl"] = _harness.Discord.BaseUrl;
        settings["Knowledge__Folder"] = knowledge;
        settings["Knowledge__DataFolder"] = data;
        settings["Discord__Interactions__DeferAfter"] = "00:00:02.500";
        settings["Commands__Cooldown__Questions"] = "100";
        return await _harness.StartReadyAsync(settings);
    }

    private JsonObject Ask(string question) => InteractionPayloads.SlashCommand(_harness.Discord, "ask", [("question", question)]);
}
