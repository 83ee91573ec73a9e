using Bot.Knowledge.Evaluation;

namespace Bot.Knowledge.Fitting;

/// <summary>
/// One question of a public set, with every candidate answer unit the engine found for it,
/// their features, and which of them hold an expected phrase (for an out-of-scope question, none).
/// </summary>
public sealed record FitQuestion(string Set, EvalQuestion Question, IReadOnlyList<string> Units, IReadOnlyList<float[]> Rows, IReadOnlyList<bool> Labels)
{
    /// <summary>The question's vector as the engine embedded it (null in the lexical mode): what <see cref="Answering.AnswerMemory"/> compares.</summary>
    public float[]? Vector { get; init; }

    /// <summary>The question's analysed words, as <see cref="Answering.AnswerMemory"/> compares them.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Each unit's <see cref="Answering.AnswerMemory.UnitKey"/>.</summary>
    public IReadOnlyList<string> UnitKeys { get; init; } = [];

    /// <summary>The keys of the units that answer it (labelled right), once each: what the memory and the probe learn.</summary>
    public IReadOnlyList<string> AnswerKeys => UnitKeys.Where((_, i) => Labels[i]).Distinct().ToArray();

    /// <summary>
    /// Whether the question asks for a heading, which the engine answers from the knowledge's structure
    /// with <see cref="Heading"/> (or nothing, when null) without asking the scorer. The scorer still
    /// learns from its units like any question's.
    /// </summary>
    public bool AsksHeading { get; init; }

    /// <summary>The heading the engine answers a question asking for one with; null when it answers nothing.</summary>
    public string? Heading { get; init; }

    /// <summary>The question as a fold key: the same words asked in two sets must land in one fold.</summary>
    public string Key => EvalReport.Normalize(Question.Question);
}

/// <summary>What a scorer did with one question it had not seen: answered or not, and rightly or not.</summary>
/// <param name="Top">The unit answered with, or -1 when the scorer abstained.</param>
/// <param name="Ranked">The unit the ranker put first, answered with or not (-1 when there were none).</param>
public sealed record FitOutcome(FitQuestion Question, double Confidence, int Top, int Ranked)
{
    public FitOutcome(FitQuestion question, double confidence, int top)
        : this(question, confidence, top, top)
    {
    }

    public bool IsRightUnit => Top >= 0 && Question.Labels[Top];

    /// <summary>Whether the ranker's first unit answers, whether or not the abstainer let it.</summary>
    public bool IsRankedRight => Ranked >= 0 && Question.Labels[Ranked];
}
