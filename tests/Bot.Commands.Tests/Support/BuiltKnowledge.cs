using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Commands.Tests.Support;

/// <summary>A knowledge folder indexed on disk in a temp folder, words only, and the reader commands answer from.</summary>
internal sealed class BuiltKnowledge : IDisposable
{
    private readonly TempFolder _temp = new();

    public BuiltKnowledge(string knowledgeFolder)
    {
        Store = new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index")));
        Synchronizer = new KnowledgeSynchronizer(Store, knowledgeFolder, 4 * 1024 * 1024, NullLogger.Instance);
        Synchronizer.Synchronize();
        Reader = new KnowledgeReader(new AnswerEngine(Store), Store);
    }

    public KnowledgeStore Store { get; }

    public KnowledgeSynchronizer Synchronizer { get; }

    public IKnowledgeReader Reader { get; }

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}

/// <summary>Unanswered questions kept in a list, as a test's stand-in for the state store.</summary>
public sealed class RecordingUnansweredQuestions : IUnansweredQuestions
{
    private readonly List<(string Question, string? GuildId)> _recorded = [];

    public IReadOnlyList<(string Question, string? GuildId)> Recorded
    {
        get
        {
            lock (_recorded)
                return _recorded.ToArray();
        }
    }

    public ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken)
    {
        lock (_recorded)
            _recorded.Add((question, guildId));
        return ValueTask.CompletedTask;
    }
}
