using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;

namespace Bot.Commands;

/// <summary>What commands may ask of the knowledge: the only source of facts about the film.</summary>
public interface IKnowledgeReader
{
    /// <summary>False until the knowledge folder has been indexed once; answers before that would be empty.</summary>
    bool IsReady { get; }

    /// <summary>The knowledge's answer; throws only when the index itself is broken.</summary>
    Answer Ask(string question);

    /// <summary>
    /// The passages that best match a few words, best first, with where the words occur; no
    /// abstention (see <c>AnswerEngine.Search</c>). A reader that cannot search finds nothing.
    /// </summary>
    IReadOnlyList<PassageHit> Search(string query, int count) => [];

    /// <summary>Every document the knowledge holds now; a reader without an index holds none.</summary>
    IndexContents Contents() => IndexContents.Empty;

    /// <summary>Changes whenever <see cref="Contents"/> does: what is derived from it can be kept until then. Cheap.</summary>
    long Version => Contents().Version;

    /// <summary>The film's running time as the knowledge states it, with the passage saying so (<see cref="Knowledge.Facts.FilmRuntime"/>); null when it states none.</summary>
    (TimeSpan Length, Passage Source)? FilmRuntime() => Knowledge.Facts.FilmRuntime.Find(Search);

    /// <summary>The knowledge's sentence about where the film can be watched, with its passage (<see cref="Knowledge.Facts.WhereToWatch"/>); null when it has none.</summary>
    (string Sentence, Passage Passage)? WhereToWatch() => Knowledge.Facts.WhereToWatch.Find(Search, Contents());
}

/// <summary>The knowledge as the bot runs it: the answer engine over the on-disk index.</summary>
public sealed class KnowledgeReader(AnswerEngine engine, KnowledgeStore store) : IKnowledgeReader
{
    public bool IsReady => store.IsReady;

    public Answer Ask(string question) => engine.Ask(question);

    public IReadOnlyList<PassageHit> Search(string query, int count) => engine.Search(query, count);

    public IndexContents Contents() => store.Index.Contents();

    public long Version => store.Index.Version;
}
