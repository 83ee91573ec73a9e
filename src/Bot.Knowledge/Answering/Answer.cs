using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Answering;

/// <summary>The knowledge's answer to one question.</summary>
/// <param name="Answered">False when the knowledge does not answer: then <see cref="Sentence"/> is empty and there are no passages.</param>
/// <param name="Sentence">The one sentence of the knowledge that best answers the question.</param>
/// <param name="Passages">The best passages, the one holding <see cref="Sentence"/> first.</param>
/// <param name="Abstention">Why nothing was answered, when <see cref="Answered"/> is false.</param>
public sealed record Answer(string Question, bool Answered, string Sentence, IReadOnlyList<PassageHit> Passages, Abstention? Abstention)
{
    public static Answer NotAnswered(string question, Abstention why) => new(question, false, "", [], why);

    /// <summary>
    /// The largest share of the question (IDF-weighted) that one passage covers: the figure the
    /// abstention threshold is applied to. 0 when nothing matched.
    /// </summary>
    public float Coverage { get; init; }

    /// <summary>Cosine similarity of the question with the chosen (or best) sentence; 0 on the lexical path.</summary>
    public float Similarity { get; init; }

    /// <summary>
    /// The fitted scorer's probability that the chosen sentence answers the question: the figure
    /// abstention is decided on (below the model's threshold, nothing is answered). 0 when nothing matched.
    /// </summary>
    public float Confidence { get; init; }

    /// <summary>
    /// The confidence the answer needed: the model's threshold, or the one for a unit its memory
    /// does not know (knowledge added since the fit). 0 when nothing matched.
    /// </summary>
    public float Threshold { get; init; }
}

/// <summary>A passage found for a question.</summary>
/// <param name="Score">The passage's BM25 score for the question.</param>
/// <param name="Matches">Where the question's words (or their synonyms and near spellings) occur in the passage text.</param>
/// <param name="AnswerSpan">Where the answer sentence sits in this passage, if it is this one.</param>
public sealed record PassageHit(Passage Passage, float Score, IReadOnlyList<TextSpan> Matches, TextSpan? AnswerSpan);

/// <summary>Why the engine did not answer.</summary>
public enum Abstention
{
    /// <summary>The question was empty or held no words.</summary>
    EmptyQuestion,
    /// <summary>None of the question's words occur in the knowledge.</summary>
    NothingMatched,
    /// <summary>Passages matched, but too little of the question to trust them.</summary>
    NotEnoughEvidence,
}
