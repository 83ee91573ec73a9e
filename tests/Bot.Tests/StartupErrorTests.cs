namespace Bot.Tests;

/// <summary>
/// A start-up problem the user can fix is one "error:" line and exit code 2, from the real
/// executable: no stack trace from the host before it (issue 12).
/// </summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_missing_knowledge_folder_is_one_line()
    {
        var run = await BotProcess.RunAsync(_work.FullPath, new Dictionary<string, string?> { ["Knowledge__Semantic"] = "false" },
            "ask", "Who directed Beyond Utopia?", "--knowledge", _work.Combine("nowhere"), "--data", _work.Combine("data"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: The knowledge folder", line);
    }

    [Fact]
    public async Task A_data_folder_that_is_a_file_is_one_line_saying_so()
    {
        var file = _work.Combine("data.txt");
        await File.WriteAllTextAsync(file, "not a folder");

        var run = await BotProcess.RunAsync(_work.FullPath, new Dictionary<string, string?> { ["Knowledge__Semantic"] = "false" },
            "ask", "Who directed Beyond Utopia?", "--knowledge", TestPaths.ShippedKnowledge, "--data", file);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("names a file, not a folder", line);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task The_old_name_of_Discord_ApiBaseUrl_is_one_error_line_naming_the_new_one()
    {
        var run = await BotProcess.RunAsync(_work.FullPath, new Dictionary<string, string?>
        {
            ["Discord__Token"] = "MTIz.never-sent.token-value",
            ["Discord__ApplicationId"] = "1459517128704131073",
            ["Discord__BaseUrl"] = "http://127.0.0.1:9/api/v10",
        }, "register-commands");

        Assert.Equal(2, run.ExitCode);
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal(
            "error: Discord:BaseUrl was renamed Discord:ApiBaseUrl: set Discord__ApiBaseUrl (or Discord:ApiBaseUrl in appsettings.json) instead.",
            Assert.Single(errors));
        Assert.DoesNotContain("never-sent", run.Error + run.Output);
    }
}

/// <summary>A command line long enough to abort the process inside ONNX Runtime is refused before it starts (issue 12).</summary>
public sealed class LongCommandLineTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_100_KB_argument_is_one_error_line_and_exit_code_2_from_the_real_executable()
    {
        var question = "who directed it " + string.Concat(Enumerable.Repeat("x ", 50_000));

        // The sentence model is on, as by default: this is the configuration that aborted.
        var run = await BotProcess.RunAsync(_work.FullPath, new Dictionary<string, string?>(),
            "ask", question, "--knowledge", TestPaths.ShippedKnowledge, "--data", _work.Combine("data"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: the command line is 97 KB", line);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_100_KB_program_name_is_refused_the_same_way_before_anything_native_starts()
    {
        // exec -a sets argv[0], which .NET's args leave out but ONNX Runtime's start-up reads.
        var start = new System.Diagnostics.ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work.FullPath };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec -a \"$LONG_NAME\" dotnet \"$0\" ask 'Who directed Beyond Utopia?' --knowledge \"$1\" --data \"$2\"");
        start.ArgumentList.Add(BotProcess.BotDll);
        start.ArgumentList.Add(TestPaths.ShippedKnowledge);
        start.ArgumentList.Add(_work.Combine("data"));
        start.Environment["LONG_NAME"] = new string('z', 100_000);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: the command line is 9", line);
        Assert.Empty(await output);
    }
}
