using System.Collections.Concurrent;
using System.Diagnostics;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Diagnostics;
using Bot.Knowledge.Hosting;
using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Tests;

/// <summary>
/// Tests that watch real files change under a running service. They run on their own, after
/// the others, so a busy machine does not starve the watcher.
/// </summary>
[CollectionDefinition(nameof(LiveReloadCollection), DisableParallelization = true)]
public sealed class LiveReloadCollection;

/// <summary>
/// The running bot picks up a moderator's edits to the knowledge folder within a couple of
/// seconds, keeps answering while it does, and logs a broken file instead of falling over.
/// </summary>
[Collection(nameof(LiveReloadCollection))]
public sealed class LiveReloadTests : IAsyncLifetime
{
    /// <summary>The requirement is a reload within 2 seconds; the margin is for a loaded machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private const string DirectorQuestion = "Who directed Beyond Utopia?";
    private const string CookQuestion = "Who baked cornbread?";

    private readonly KnowledgeWorkspace _workspace = new(withShippedKnowledge: true);
    private readonly CapturingLogger<KnowledgeIndexService> _serviceLog = new();
    private readonly TestMeters _meters = new();
    private OpenKnowledge _knowledge = null!;
    private KnowledgeIndexService? _service;

    public async Task InitializeAsync()
    {
        _knowledge = _workspace.Open();
        var options = new KnowledgeOptions
        {
            Folder = _workspace.KnowledgeFolder,
            DataFolder = _workspace.DataFolder,
            Watch = true,
            ReloadDebounce = TimeSpan.FromMilliseconds(50),
            PollInterval = TimeSpan.FromMilliseconds(250),
        };
        _service = new KnowledgeIndexService(
            _knowledge.Synchronizer, _knowledge.Store, Options.Create(options), TimeProvider.System, _serviceLog, new KnowledgeMetrics(_meters, _knowledge.Store));
        await _service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }

        _meters.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public void Service_start_has_indexed_the_folder_before_the_first_question()
    {
        Assert.True(_knowledge.Store.IsReady);
        Assert.Contains("Madeleine Gavin", _knowledge.Ask(DirectorQuestion).Sentence);
    }

    [Fact]
    public async Task New_article_is_answered_within_seconds()
    {
        _workspace.Write("cook.md", Cook("Mrs. Lee"));

        var answer = await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));

        Assert.Contains("Mrs. Lee", answer.Sentence);
    }

    [Fact]
    public async Task A_reload_that_changes_the_index_is_counted_and_the_passage_gauge_follows_it()
    {
        using var reloads = _meters.Collect<long>("bot.knowledge.reloads");
        using var passages = _meters.Collect<int>("bot.knowledge.passages");
        passages.RecordObservableInstruments();
        var before = passages.LastMeasurement!.Value;

        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));

        Assert.Contains(reloads.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "applied");
        passages.RecordObservableInstruments();
        Assert.Equal(before + 1, passages.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Article_saved_in_place_by_an_editor_is_answered_within_seconds()
    {
        // Not a rename: the watcher may see the file empty or half written first.
        await File.WriteAllTextAsync(_workspace.PathOf("cook.md"), Cook("Mrs. Lee"));

        var answer = await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));

        Assert.Contains("Mrs. Lee", answer.Sentence);
    }

    [Fact]
    public async Task Changed_article_answers_with_the_new_fact_within_seconds()
    {
        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));

        _workspace.Write("cook.md", Cook("a retired schoolteacher, Mr. Park"));
        var answer = await Eventually(CookQuestion, a => a.Sentence.Contains("Mr. Park"));

        Assert.Contains("Mr. Park", answer.Sentence);
        Assert.DoesNotContain("Mrs. Lee", AnswerAssert.Texts(answer));
    }

    [Fact]
    public async Task Deleted_article_stops_answering_within_seconds()
    {
        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));

        _workspace.Delete("cook.md");
        var answer = await Eventually(CookQuestion, a => !a.Answered);

        Assert.False(answer.Answered);
        Assert.Contains("Madeleine Gavin", _knowledge.Ask(DirectorQuestion).Sentence);
    }

    [Fact]
    public async Task Synonym_added_while_running_applies_within_seconds()
    {
        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));
        Assert.False(_knowledge.Ask("Who made the cornpone?").Answered);

        _workspace.Write("synonyms.txt", File.ReadAllText(_workspace.PathOf("synonyms.txt")) + "\ncornbread, cornpone\n");
        var answer = await Eventually("Who made the cornpone?", a => a.Sentence.Contains("Mrs. Lee"));

        Assert.Contains("Mrs. Lee", answer.Sentence);
    }

    [Fact]
    public async Task Broken_file_added_while_running_is_logged_with_its_path_and_answering_goes_on()
    {
        var broken = _workspace.WriteBytes("broken.md", [0x23, 0x20, 0x54, 0x0A, 0x0A, 0xC3, 0x28, 0x0A]);

        var warning = await EventuallyLogged(e => e.Level >= LogLevel.Warning && e.Message.Contains(broken));

        Assert.Contains("UTF-8", warning.Message);
        Assert.Contains("Madeleine Gavin", _knowledge.Ask(DirectorQuestion).Sentence);
        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));
    }

    [Fact]
    public async Task Article_broken_by_a_bad_save_keeps_its_last_good_version_while_running()
    {
        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));

        var path = _workspace.Write("cook.md", "---\ntitle: Half saved\n");
        await EventuallyLogged(e => e.Level >= LogLevel.Warning && e.Message.Contains(path));

        Assert.Contains("Mrs. Lee", _knowledge.Ask(CookQuestion).Sentence);
    }

    [Fact]
    public async Task Knowledge_folder_moved_away_and_back_is_survived_with_one_plain_line_each_way()
    {
        var away = _workspace.KnowledgeFolder + "-away";
        Directory.Move(_workspace.KnowledgeFolder, away);

        var missing = await EventuallyLogged(e => e.Level >= LogLevel.Warning, _serviceLog);
        Assert.Contains(_workspace.KnowledgeFolder, missing.Message);
        Assert.Contains("missing", missing.Message);
        Assert.Null(missing.Exception); // one line, not a stack trace
        Assert.Contains("Madeleine Gavin", _knowledge.Ask(DirectorQuestion).Sentence);

        Directory.Move(away, _workspace.KnowledgeFolder);
        _workspace.Write("cook.md", Cook("Mrs. Lee"));
        await Eventually(CookQuestion, a => a.Sentence.Contains("Mrs. Lee"));
        await EventuallyLogged(e => e.Message.Contains("readable again", StringComparison.Ordinal), _serviceLog);

        // The loop retried every poll (250 ms here) while the folder was away: said once, not each time.
        Assert.Single(_serviceLog.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task Questions_asked_during_reloads_are_all_answered_without_errors()
    {
        var failures = new ConcurrentQueue<string>();
        var asked = 0;
        using var stop = new CancellationTokenSource();
        var asker = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var answer = _knowledge.Ask(DirectorQuestion);
                    if (!answer.Answered || !answer.Sentence.Contains("Madeleine Gavin"))
                        failures.Enqueue($"answered {answer.Answered}: {answer.Sentence}");
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.ToString());
                }

                Interlocked.Increment(ref asked);
            }
        });
        asker.IsBackground = true;
        asker.Start();

        try
        {
            for (var round = 0; round < 4; round++)
            {
                var cook = $"Cook number {round}";
                _workspace.Write("cook.md", Cook(cook));
                await Eventually(CookQuestion, a => a.Sentence.Contains(cook));
                _workspace.Write($"extra-{round}.md", Markdown.Article($"Extra {round}", $"The convoy stopped at checkpoint {round} near the river."));
                _workspace.Delete("cook.md");
                await Eventually(CookQuestion, a => !a.Answered);
            }
        }
        finally
        {
            stop.Cancel();
            asker.Join();
        }

        Assert.Empty(failures);
        Assert.True(Volatile.Read(ref asked) > 0);
    }

    private static string Cook(string who) =>
        Markdown.Article("Life in the safe house", $"The safe house cook, {who}, baked cornbread every Tuesday.");

    /// <summary>
    /// Asks until the answer is the one wanted or <see cref="Patience"/> runs out, then asserts it. The
    /// knowledge here has no sentence model, so only a reload changes an answer: the question is asked
    /// again each time the service records one (bot.knowledge.reloads), not on a clock.
    /// </summary>
    private async Task<Answer> Eventually(string question, Func<Answer, bool> wanted)
    {
        using var reloads = _meters.Collect<long>("bot.knowledge.reloads");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // Counted before asking, so a reload between the question and the wait still wakes it.
            var seen = reloads.GetMeasurementSnapshot().Count;
            var answer = _knowledge.Ask(question);
            if (wanted(answer))
                return answer;
            var left = Patience - clock.Elapsed;
            try
            {
                if (left <= TimeSpan.Zero)
                    throw new TimeoutException();
                await reloads.WaitForMeasurementsAsync(seen + 1, left);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"After {Patience.TotalSeconds} s, \"{question}\" still gets: answered={answer.Answered} \"{answer.Sentence}\"");
            }
        }
    }

    /// <summary>Waits (re-checking on each entry logged) until an entry <paramref name="wanted"/> is logged, or fails after <see cref="Patience"/>.</summary>
    private async Task<LogEntry> EventuallyLogged(Func<LogEntry, bool> wanted, CapturingLogger? log = null)
    {
        log ??= _workspace.Log;
        await ChangeSignal.WaitUntilAsync(
            notify => log.Logged += notify,
            notify => log.Logged -= notify,
            () => log.Entries.Any(wanted),
            Patience,
            () => $"After {Patience.TotalSeconds} s, nothing wanted was logged; got:\n{string.Join("\n", log.Entries.Select(e => e.Message))}");
        return log.Entries.First(wanted);
    }
}
