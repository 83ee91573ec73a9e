using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Tests;

/// <summary>
/// A first build killed part-way (<c>kill -9</c>, as an out-of-memory killer or a pulled plug
/// does) is not thrown away: the words of every file were committed first, then the vectors
/// chunk by chunk, and the restart embeds only the chunks the killed process had not finished.
/// </summary>
public sealed partial class InterruptedBuildTests : IDisposable
{
    /// <summary>8 one-sentence passages a file, about 32 texts: a chunk (256 texts) is about 8 files, the folder 3 chunks.</summary>
    private const int Files = 24;
    private const int PassagesPerFile = 8;
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_build_killed_after_some_vectors_restarts_from_them()
    {
        var knowledge = _work.Combine("knowledge");
        Directory.CreateDirectory(knowledge);
        for (var i = 1; i <= Files; i++)
            File.WriteAllText(Path.Combine(knowledge, $"station-{i:00}.md"), Station(i));

        var args = new[] { "ask", "--knowledge", knowledge, "--data", _work.Combine("data"), $"How many lanterns does relay station {Files} keep lit?" };
        var verbose = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Bot.Knowledge.KnowledgeSynchronizer"] = "Debug",
        };
        await using (var first = BotProcess.Start(_work.FullPath, verbose, args))
        {
            await first.WaitForLogAsync("Committed the vectors of", TimeSpan.FromMinutes(2));
        } // killed (SIGKILL) here, in the middle of the embedding

        var restart = await BotProcess.RunAsync(_work.FullPath, verbose, args);

        Assert.True(restart.ExitCode == 0, restart.Error);
        Assert.Contains($"{Files * 3} lanterns", restart.Output);
        Assert.Matches($@"Knowledge ready from .*: 0 added, 0 changed, 0 removed, {Files} reused", restart.Error);
        var embedding = EmbeddingLine().Match(restart.Error);
        Assert.True(embedding.Success, restart.Error);
        var passages = int.Parse(embedding.Groups["passages"].Value, CultureInfo.InvariantCulture);
        Assert.True(passages < Files * PassagesPerFile, $"the restart embedded every passage again:\n{restart.Error}");
        Assert.Equal(0, passages % PassagesPerFile); // whole files, the ones not committed
    }

    private static string Station(int i)
    {
        var notes = Enumerable.Range(1, PassagesPerFile - 1)
            .Select(k => $"On day {k} the keeper of station {i} wrote that the valley road stayed open.");
        return $"# Relay station {i}\n\nRelay station {i} keeps {i * 3} lanterns lit through the winter nights.\n\n{string.Join("\n\n", notes)}\n";
    }

    [GeneratedRegex(@"Embedding \d+ texts of (?<passages>\d+) passages")]
    private static partial Regex EmbeddingLine();
}
