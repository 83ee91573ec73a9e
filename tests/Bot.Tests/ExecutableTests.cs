using System.Diagnostics;
using System.Text.Json;

namespace Bot.Tests;

/// <summary>The built executable, run as a user runs it: a separate process, real exit codes and streams.</summary>
public sealed class ExecutableTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private static string BotDll => Path.Combine(AppContext.BaseDirectory, "Bot.dll");

    private async Task<(int Code, string Out, string Err)> Run(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _data.FullPath,
        };
        start.ArgumentList.Add(BotDll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Json_lines_on_standard_output_stay_clean_while_warnings_go_to_standard_error()
    {
        using var knowledge = new TempFolder();
        File.Copy(Path.Combine(TestPaths.ShippedKnowledge, "beyond-utopia-article.md"), knowledge.Combine("article.md"));
        await File.WriteAllTextAsync(knowledge.Combine("draft.md"), "---\ntitle: Unfinished\nsource: a draft\n");

        var (code, stdout, stderr) = await Run("Who is the director of Beyond Utopia?\n", "ask", "--json", "--knowledge", knowledge.FullPath, "--data", _data.Combine("data"));

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Madeleine Gavin", JsonDocument.Parse(line).RootElement.GetProperty("answer").GetString());
        Assert.Contains("draft.md", stderr);
        Assert.Contains("never closed", stderr);
    }

    [Fact]
    public async Task Empty_question_exits_with_code_2_and_one_line()
    {
        var (code, stdout, stderr) = await Run(null, "ask", "", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.Combine("data"));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: the question is empty; e.g. ask \"Who directed Beyond Utopia?\"", stderr.Trim());
    }

    [Fact]
    public async Task Knowledge_folder_is_found_from_the_executable_when_not_given()
    {
        // Working directory is a temp folder with no knowledge/: the default must walk up from the executable.
        var (code, stdout, _) = await Run(null, "ask", "--data", _data.Combine("data"), "Who runs Caleb Mission?");

        Assert.Equal(0, code);
        Assert.Contains("Caleb Mission", stdout);
    }
}
