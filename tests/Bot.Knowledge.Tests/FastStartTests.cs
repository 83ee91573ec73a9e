using Bot.Knowledge.Answering;
using Bot.Knowledge.Hosting;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Knowledge.Tests;

/// <summary>
/// A bot started on a folder it has never indexed answers by words at once, while the sentence
/// model embeds the passages in the background, and by words and meaning once every passage has
/// its vectors; the operator reads the embedding's progress in the log. The model is held behind
/// a gate the test opens, so "before the vectors exist" lasts exactly as long as the test needs.
/// </summary>
public sealed class FastStartTests : IAsyncLifetime
{
    private const string Question = "Who directed Beyond Utopia?";

    /// <summary>Generous: only reached when the bot is broken, and the model is slow on a loaded machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly KnowledgeWorkspace _workspace = new(withShippedKnowledge: true);
    private readonly GatedEmbedder _model = new(SentenceModel.Shared);
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLogger _synchronizerLog = new();
    private readonly TaskCompletionSource _hybrid = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KnowledgeStore _store = null!;
    private KnowledgeIndexService _service = null!;

    public Task InitializeAsync()
    {
        _store = new KnowledgeStore(KnowledgeIndex.Open(_workspace.IndexFolder, _model.ModelId), _model);
        _store.StateChanged += state =>
        {
            if (state == IndexState.Hybrid)
                _hybrid.TrySetResult();
        };
        var synchronizer = new KnowledgeSynchronizer(_store, _workspace.KnowledgeFolder, 4 * 1024 * 1024, _synchronizerLog, _time);
        var options = new KnowledgeOptions { Folder = _workspace.KnowledgeFolder, DataFolder = _workspace.DataFolder, Watch = true, PollInterval = TimeSpan.FromMinutes(1) };
        _service = new KnowledgeIndexService(synchronizer, _store, Options.Create(options), _time, new CapturingLogger<KnowledgeIndexService>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _model.Open();
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        _store.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task A_cold_folder_is_answered_by_words_before_its_vectors_exist_and_by_meaning_once_they_do()
    {
        await _service.StartAsync(CancellationToken.None).WaitAsync(Patience);
        await _model.Entered.WaitAsync(Patience);

        var early = new AnswerEngine(_store).Ask(Question);
        Assert.Equal(IndexState.LexicalOnly, _store.State);
        Assert.Contains("Madeleine Gavin", early.Sentence);
        AnswerAssert.Same(new AnswerEngine(_store).Ask(Question, mode: RetrievalMode.Lexical), early);
        Assert.Equal(0f, early.Similarity); // words only: the question was never compared by meaning

        _model.Open();
        await _hybrid.Task.WaitAsync(Patience);

        var later = new AnswerEngine(_store).Ask(Question);
        Assert.Equal(IndexState.Hybrid, _store.State);
        Assert.Contains("Madeleine Gavin", later.Sentence);
        Assert.True(later.Similarity > 0f, "answered by words only, though every vector exists");
        Assert.Equal(new AnswerEngine(_store).Ask(Question, mode: RetrievalMode.Hybrid).Confidence, later.Confidence);
    }

    [Fact]
    public async Task Embedding_progress_is_logged_with_texts_done_rate_and_time_left()
    {
        await _service.StartAsync(CancellationToken.None).WaitAsync(Patience);
        await _model.Entered.WaitAsync(Patience);
        var started = Assert.Single(Lines("Embedding "));
        var total = int.Parse(started.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

        _time.Advance(TimeSpan.FromSeconds(6)); // every batch now finishes 6 s after the start
        _model.Open();
        await _hybrid.Task.WaitAsync(Patience);

        var progress = Assert.Single(Lines("Embedded "), l => l.Contains(" left", StringComparison.Ordinal));
        Assert.Matches($@"^Embedded \d+ of {total} texts \(\d+%\), [\d.,]+ texts/s, about \d+ s left$", progress);
        var finished = Assert.Single(Lines($"Embedded {total} texts"));
        Assert.Matches($@"^Embedded {total} texts of 8 passages in 6 s \([\d.,]+ texts/s\)$", finished);
        Assert.Contains("Every passage has its vectors: answering by words and meaning", Lines("Every passage"));
    }

    [Fact]
    public async Task Progress_lines_come_at_most_every_five_seconds()
    {
        await _service.StartAsync(CancellationToken.None).WaitAsync(Patience);
        await _model.Entered.WaitAsync(Patience);

        _model.Open(); // the clock stands still: the whole run takes no time at all
        await _hybrid.Task.WaitAsync(Patience);

        Assert.DoesNotContain(Lines("Embedded "), l => l.Contains(" left", StringComparison.Ordinal));
        Assert.Single(Lines("Embedding "));
        Assert.Single(Lines("Embedded "), l => l.Contains(" passages in ", StringComparison.Ordinal));
    }

    private IEnumerable<string> Lines(string start) =>
        _synchronizerLog.Entries.Where(e => e.Level == LogLevel.Information && e.Message.StartsWith(start, StringComparison.Ordinal)).Select(e => e.Message);
}
