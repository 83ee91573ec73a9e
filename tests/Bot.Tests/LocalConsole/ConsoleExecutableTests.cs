using System.Diagnostics;

namespace Bot.Tests.LocalConsole;

/// <summary>The <c>console</c> verb of the built executable: a separate process reading typed lines from its standard input.</summary>
public sealed class ConsoleExecutableTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    private string[] Folders => FoldersWith(TestPaths.ShippedKnowledge);

    private string[] FoldersWith(string knowledge) => ["--knowledge", knowledge, "--data", _work.Combine("data")];

    /// <summary>Runs the console with <paramref name="typed"/> as its standard input, as <c>printf … | Bot console</c> does.</summary>
    private async Task<(int Code, string Out, string Err)> Run(string typed, IReadOnlyDictionary<string, string>? environment = null, string? knowledge = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _work.FullPath,
        };
        start.ArgumentList.Add(BotProcess.BotDll);
        start.ArgumentList.Add("console");
        foreach (var a in FoldersWith(knowledge ?? TestPaths.ShippedKnowledge))
            start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(typed);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The console did not exit:\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Needs_no_discord_settings_and_leaves_with_code_0_when_input_ends()
    {
        await using var bot = BotProcess.Start(_work.FullPath, new Dictionary<string, string?>(), ["console", .. Folders]);
        await bot.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Ready: answering from", bot.Output);
        Assert.DoesNotContain("Discord", bot.Error);
        Assert.True(File.Exists(_work.Combine("data", "bot.db")), "the state database is created at start");
    }

    [Fact]
    public async Task Piped_lines_are_answered_in_order_buttons_pressed_and_suggestions_listed_with_no_prompt()
    {
        var (code, stdout, stderr) = await Run("/ask who runs caleb mission\n1\n/help\n/nope\n/about mad?\nquit\n/ask never asked\n");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var afterReady = stdout[(stdout.IndexOf('\n', stdout.IndexOf("Ready: ", StringComparison.Ordinal)) + 1)..];
        Assert.StartsWith("> who runs caleb mission\n", afterReady);
        Assert.Contains("Caleb Mission", afterReady.Split('\n')[1]); // the answer sentence, the card's title
        Assert.Contains("│ Source: ", afterReady);
        Assert.Contains("**", afterReady);
        Assert.Contains("\n[1] More passages\n", afterReady);
        Assert.Contains("│ More passages\n", afterReady);
        Assert.Contains("│ `/ask question [private]`", afterReady);
        Assert.Contains("\nThere is no /nope command.", afterReady);
        Assert.Contains("\nSuggestions for topic:\n  Madeleine Gavin\n", afterReady);
        Assert.DoesNotContain("never asked", afterReady);
        Assert.DoesNotContain(Cli.ConsoleVerb.Prompt, stdout);
    }

    [Fact]
    public async Task With_json_logs_each_command_and_press_is_logged_in_its_own_interaction_scope()
    {
        var (code, _, stderr) = await Run("/ask who runs caleb mission\n1\n", new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Bot"] = "Debug",
        });

        Assert.Equal(0, code);
        var answered = Observability.JsonLogLines.Parse(stderr)
            .Where(line => Observability.JsonLogLines.Category(line).EndsWith("ConsoleSession", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(2, answered.Length);
        Assert.Equal(["1", "2"], answered.Select(line => Observability.JsonLogLines.Scoped(line, "InteractionId")));
        Assert.All(answered, line => Assert.Equal("ask", Observability.JsonLogLines.Scoped(line, "Command")));
    }

    [Fact]
    public async Task An_answer_longer_than_an_embed_title_is_shown_cut_as_members_would_see_it()
    {
        var (code, stdout, stderr) = await Run("/ask " + LongAnswerKnowledge.Question + "\n", knowledge: LongAnswerKnowledge.Create(_work));

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n');
        var quoted = Array.IndexOf(lines, "> " + LongAnswerKnowledge.Question);
        Assert.True(quoted >= 0, stdout);
        var title = lines[quoted + 1]; // the card's title
        Assert.StartsWith("│ ", title, StringComparison.Ordinal);
        LongAnswerKnowledge.AssertCutTitle(title["│ ".Length..]);
    }
}
