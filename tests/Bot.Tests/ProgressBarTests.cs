using System.Diagnostics;
using Bot.Cli;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests;

/// <summary>
/// A command that waits for the vectors of a folder it has never indexed shows how far the
/// embedding has come, as one line redrawn on the terminal, and nothing of it anywhere else.
/// </summary>
public sealed class ProgressBarTests : IDisposable
{
    private const string Bar = "Embedding the knowledge [";
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void The_bar_shows_texts_done_rate_and_time_left()
    {
        var line = TerminalProgressBar.Render(new EmbeddingProgress(1204, 3170, 600, TimeSpan.FromSeconds(13)));

        Assert.Equal("Embedding the knowledge [#########---------------]  38%  1,204/3,170 texts  93 texts/s  22 s left", line);
    }

    [Fact]
    public void The_bar_is_redrawn_at_most_every_tenth_of_a_second_and_cleared_when_done()
    {
        var time = new FakeTimeProvider();
        var terminal = new StringWriter();
        var bar = new TerminalProgressBar(terminal, time);

        bar.Report(new EmbeddingProgress(0, 100, 10, TimeSpan.Zero));
        bar.Report(new EmbeddingProgress(8, 100, 10, TimeSpan.FromMilliseconds(50)));
        time.Advance(TerminalProgressBar.RedrawInterval);
        bar.Report(new EmbeddingProgress(16, 100, 10, TimeSpan.FromMilliseconds(100)));
        bar.Report(new EmbeddingProgress(100, 100, 10, TimeSpan.FromMilliseconds(120)));

        var drawn = terminal.ToString();
        Assert.Equal(2, drawn.Split(Bar).Length - 1);
        Assert.Contains("16/100 texts", drawn);
        Assert.DoesNotContain("8/100 texts", drawn);
        Assert.EndsWith("\r\u001b[2K", drawn); // the line is left empty for the answer
    }

    [Fact]
    public async Task Ask_on_a_terminal_shows_the_bar_while_embedding_and_ask_json_never_does()
    {
        var text = await OnTerminal("ask", "--knowledge", TestPaths.ShippedKnowledge, "--data", _work.Combine("text"), "Who directed Beyond Utopia?");
        var json = await OnTerminal("ask", "--json", "--knowledge", TestPaths.ShippedKnowledge, "--data", _work.Combine("json"), "Who directed Beyond Utopia?");

        Assert.Contains(Bar, text);
        Assert.Contains("texts", text);
        Assert.Contains("Madeleine Gavin", text);
        Assert.DoesNotContain(Bar, json);
        Assert.Contains("Madeleine Gavin", json);
    }

    /// <summary>The executable on a pseudo-terminal (util-linux <c>script</c>), as a user at a terminal runs it: everything it shows.</summary>
    private async Task<string> OnTerminal(params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", BotProcess.BotDll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _work.FullPath };
        foreach (var a in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await output + await error);
        return await output;
    }
}
