using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Tests;

/// <summary>
/// A first build killed part-way (<c>kill -9</c>, as an out-of-memory killer or a pulled plug
/// does) is not thrown away: the restart reuses every file committed before the kill and reads
/// and embeds only the rest.
/// </summary>
public sealed partial class InterruptedBuildTests : IDisposable
{
    private const int Files = 16;
    private readonly TempFolder work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task A_build_killed_after_some_files_restarts_from_them()
    {
        var knowledge = work.Combine("knowledge");
        Directory.CreateDirectory(knowledge);
        for (var i = 1; i <= Files; i++)
        {
            File.WriteAllText(
                Path.Combine(knowledge, $"station-{i:00}.md"),
                $"# Relay station {i}\n\nRelay station {i} keeps {i * 3} lanterns lit through the winter nights.\n\nIts keeper writes the weather into a ledger every morning and sends it down the valley.\n");
        }

        var args = new[] { "ask", "--knowledge", knowledge, "--data", work.Combine("data"), $"How many lanterns does relay station {Files} keep lit?" };
        await using (var first = BotProcess.Start(work.FullPath, new Dictionary<string, string?> { ["Logging__LogLevel__Bot.Knowledge.KnowledgeSynchronizer"] = "Debug" }, args))
        {
            await first.WaitForLogAsync($"(2 of {Files} changed files committed)", TimeSpan.FromMinutes(2));
        } // killed (SIGKILL) here, in the middle of the build

        // What the killed process logged as committed before it died (at least 2 files) is on disk.
        var restart = await BotProcess.RunAsync(work.FullPath, new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Information" }, args);

        Assert.True(restart.ExitCode == 0, restart.Error);
        Assert.Contains($"{Files * 3} lanterns", restart.Output);
        var ready = ReadyLine().Match(restart.Error);
        Assert.True(ready.Success, restart.Error);
        var added = int.Parse(ready.Groups["added"].Value, CultureInfo.InvariantCulture);
        var committed = int.Parse(ready.Groups["reused"].Value, CultureInfo.InvariantCulture);
        Assert.True(committed >= 2, $"the restart began from zero:\n{restart.Error}");
        Assert.Equal(Files, added + committed);
    }

    [GeneratedRegex(@"Knowledge ready from .*: (?<added>\d+) added, 0 changed, 0 removed, (?<reused>\d+) reused")]
    private static partial Regex ReadyLine();
}
