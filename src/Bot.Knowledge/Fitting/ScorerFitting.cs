using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using AbstainerRows = System.Collections.Generic.IReadOnlyList<(Bot.Knowledge.Fitting.FitQuestion Question, (float[] Features, int Top) Stage)>;

namespace Bot.Knowledge.Fitting;

/// <summary>
/// Fits the answer scorer on public question sets and measures it honestly. Two stages: a
/// listwise ranker picks each question's best unit; an abstainer, fitted on the ranker's
/// out-of-fold choices (so it learns from choices made on questions the ranker had not seen),
/// gives the probability that the choice answers. The ranker's penalty, and the abstention
/// threshold, are chosen by inner cross-validation on the training questions only, so the
/// k-fold figures come from questions that took no part in any choice made for them.
/// </summary>
public static class ScorerFitting
{
    /// <summary>L2 penalties tried for the ranker; the inner cross-validation picks one.</summary>
    public static IReadOnlyList<double> Penalties { get; } = [0.3, 1, 3, 10, 30, 100];

    /// <summary>The abstainer's L2 penalty: it has a dozen features and one row per question.</summary>
    public const double AbstainerPenalty = 1;

    /// <summary>
    /// L2 penalty of the question probe, per question. Chosen on the pooled outer cross-validation
    /// among 0.0001–0.1 (docs/RETRIEVAL.md): 0.001–0.01 did alike, weaker over-fits, stronger under-fits.
    /// </summary>
    public const float ProbePenalty = 0.003f;

    public const int InnerFolds = 5;

    /// <summary>
    /// The trees boosted on the abstainer's linear score (docs/RETRIEVAL.md, section 8, item 13): chosen on the
    /// pooled outer cross-validation among four settings, all of which beat the line alone. <c>BOT_FIT_TREES</c>
    /// (rounds,depth,rate,min-leaf,penalty, or <c>none</c>) overrides it, to try others.
    /// </summary>
    public static BoostedTrees.Settings AbstainerTrees { get; } = TreesFromEnvironment() ?? new BoostedTrees.Settings(Rounds: 100, Depth: 4, Rate: 0.05, MinLeaf: 40, Penalty: 3);

    private static BoostedTrees.Settings? TreesFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("BOT_FIT_TREES");
        if (string.IsNullOrEmpty(text))
            return null;
        if (text == "none")
            return new BoostedTrees.Settings(0, 0, 0, 1, 1);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var p = text.Split(',');
        return new BoostedTrees.Settings(int.Parse(p[0], c), int.Parse(p[1], c), double.Parse(p[2], c), int.Parse(p[3], c), double.Parse(p[4], c));
    }

    /// <summary>Folds are dealt from a fixed shuffle, so a re-run gives the same folds and figures.</summary>
    public const int Seed = 20261204;

    /// <param name="NewAbstainer">The abstainer for a chosen unit the memory does not know (<see cref="AbstentionFeatures.WithoutMemory"/>), and <paramref name="NewThreshold"/> its threshold.</param>
    /// <param name="NewRanker">The ranker without the memory's features, for knowledge added since the fit (<see cref="AnswerDecision.Of"/>).</param>
    public sealed record Selected(
        RetrievalMode Mode, LogisticRegression.Fit Ranker, LogisticRegression.Fit Abstainer, double Penalty, double Threshold, IReadOnlyList<FitOutcome> InnerOutcomes,
        LogisticRegression.Fit NewAbstainer, double NewThreshold, LogisticRegression.Fit NewRanker)
    {
        public ModeWeights ToWeights() => new(Weights(Ranker), Weights(Abstainer), (float)Threshold)
        {
            NewAbstainer = Weights(NewAbstainer),
            NewThreshold = (float)NewThreshold,
            NewRanker = Weights(NewRanker),
        };

        /// <summary>What this scorer does with a question: its best unit, and whether it answers with it (as the engine decides; a question asking for a heading gets the heading).</summary>
        public FitOutcome Decide(FitQuestion question)
        {
            if (question.AsksHeading)
                return HeadingOutcome(question);
            var decision = AnswerDecision.Of(ToWeights(), question.Rows, consulted: Mode != RetrievalMode.Lexical && question.Vector is not null);
            return new FitOutcome(question, decision.Confidence, decision.Answered ? decision.Ranked : -1, decision.Ranked);
        }

        private static LinearWeights Weights(LogisticRegression.Fit fit) => new(
            fit.Mean.Select(v => (float)v).ToArray(), fit.Scale.Select(v => (float)v).ToArray(),
            fit.Weights.Select(v => (float)v).ToArray(), (float)fit.Bias)
        {
            Trees = fit.Trees,
        };
    }

    /// <summary>Every question of the sets with its candidate units and their features, as the engine sees them in <paramref name="mode"/>.</summary>
    public static IReadOnlyList<FitQuestion> Extract(AnswerEngine engine, IReadOnlyList<(string Set, EvalQuestion Question)> questions, RetrievalMode mode) =>
        questions.Select(q =>
        {
            var explained = engine.Explain(q.Question.Question, mode, withMemory: false);
            var units = explained.Units;
            foreach (var u in units)
            {
                var bad = Array.FindIndex(u.Features, f => !float.IsFinite(f));
                if (bad >= 0)
                    throw new InvalidOperationException($"feature {AnswerFeatures.Names[bad]} is {u.Features[bad]} for '{q.Question.Question}' / '{u.Text}'");
            }

            return new FitQuestion(
                q.Set, q.Question, units.Select(u => u.Text).ToArray(), units.Select(u => u.Features).ToArray(),
                units.Select(u => q.Question.InScope && EvalReport.Hit(u.Text, q.Question.Expect)).ToArray())
            {
                Vector = explained.Vector,
                Terms = explained.Terms,
                UnitKeys = units.Select(u => AnswerMemory.UnitKey(u.Text)).ToArray(),
                AsksHeading = explained.AsksHeading,
                Heading = explained.Heading,
            };
        }).ToArray();

    /// <summary>The memory of <paramref name="questions"/>: each one's vector, kind and answering units.</summary>
    public static AnswerMemory MemoryOf(IReadOnlyList<FitQuestion> questions) => new(questions
        .Where(q => q.Vector is not null)
        .Select(q => new AnswerMemory.Entry(q.Vector!, q.Terms, q.Question.InScope, q.AnswerKeys))
        .ToArray());

    /// <summary>The question probe fitted on <paramref name="questions"/>' vectors.</summary>
    public static QuestionProbe? ProbeOf(IReadOnlyList<FitQuestion> questions) => QuestionProbeFitting.Fit(
        questions.Where(q => q.Vector is not null).Select(q => (q.Vector!, q.Question.InScope, q.AnswerKeys)).ToArray(),
        ProbePenalty);

    /// <summary>
    /// Copies of <paramref name="training"/> and <paramref name="held"/> with the memory's columns filled
    /// from the training questions: a training question sees the others (never itself or a question
    /// worded the same, or the ranker would learn to trust a memory that always knows the answer), a
    /// held-out question sees them all, as a new question sees the shipped memory.
    /// </summary>
    public static (IReadOnlyList<FitQuestion> Training, IReadOnlyList<FitQuestion> Held) Remember(IReadOnlyList<FitQuestion> training, IReadOnlyList<FitQuestion> held)
    {
        var members = training.Where(q => q.Vector is not null).ToArray();
        var memory = MemoryOf(members).WithProbe(ProbeOf(members));
        var keys = members.Select(q => q.Key).ToArray();
        // The probe cannot leave one question out cheaply (it is fitted, not looked up): a training
        // question's probe columns come from a probe fitted on the other inner folds.
        var probeOf = new Dictionary<FitQuestion, AnswerMemory>();
        foreach (var (fold, inner) in Folds(members, InnerFolds, Seed + 3))
        {
            var without = memory.WithProbe(ProbeOf(fold));
            foreach (var q in inner)
                probeOf[q] = without;
        }

        FitQuestion Fill(FitQuestion q, bool leaveOut)
        {
            var rows = q.Rows.Select(r => (float[])r.Clone()).ToArray();
            var from = leaveOut ? probeOf.GetValueOrDefault(q, memory) : memory;
            from.Fill(rows, q.Vector, q.Terms, q.UnitKeys, AnswerFeatures.MemoryColumn, leaveOut ? e => keys[e] == q.Key : null);
            return q with { Rows = rows };
        }

        return (training.Select(q => Fill(q, true)).ToArray(), held.Select(q => Fill(q, false)).ToArray());
    }

    /// <summary>Chooses the ranker's penalty and the threshold by inner cross-validation, then fits both stages on all of <paramref name="training"/>.</summary>
    public static Selected SelectAndFit(IReadOnlyList<FitQuestion> training, RetrievalMode mode)
    {
        var use = Usable(mode);
        var bestPenalty = Penalties[0];
        var bestRight = -1;
        List<(FitQuestion Question, double[] Scores)>? bestInner = null;
        foreach (var penalty in Penalties)
        {
            var inner = OutOfFoldScores(training, penalty, use);
            var right = inner.Count(x => Top(x.Scores) is var top and >= 0 && x.Question.Labels[top]);
            // Ties go to the stronger penalty: the simpler of two equally good rankers.
            if (right >= bestRight)
            {
                bestRight = right;
                bestPenalty = penalty;
                bestInner = inner;
            }
        }

        // The abstainer learns from the ranker's out-of-fold choices; its threshold from its own out-of-fold probabilities.
        var stage2 = bestInner!.Select(x => (x.Question, Features: AbstentionFeatures.Compute(x.Question.Rows, x.Scores))).ToArray();
        var byQuestion = stage2.ToDictionary(x => x.Question);
        // The abstainer for knowledge added after the fit judges the unit the ranker without the memory
        // chose, among units the memory knows nothing of: it learns from those choices, not from the
        // memory's better ones, or it would trust its units more than they deserve.
        var newStage2 = OutOfFoldScores(training, bestPenalty, WithoutMemory(use))
            .Select(x => (x.Question, Features: AbstentionFeatures.Compute(Unremembered(x.Question).Rows, x.Scores)))
            .ToArray();
        var newByQuestion = newStage2.ToDictionary(x => x.Question);
        // Each abstainer with and without trees on its line (item 13), kept only when the inner
        // cross-validation says they help: with a few hundred questions or more they do; fitted on
        // a hundred or so they over-fit (docs/RETRIEVAL.md).
        var (line, trees) = (new List<FitOutcome>(), new List<FitOutcome>());
        var (newLine, newTrees) = (new List<FitOutcome>(), new List<FitOutcome>());
        foreach (var (fold, held) in Folds(training, InnerFolds, Seed + 2))
        {
            var data = AbstainerData(fold.Select(q => byQuestion[q]).ToArray());
            // The trees are boosted on the line just fitted, not on a second fit of the same line.
            var fitted = TrainLine(data, null);
            line.AddRange(Outcomes(fitted, held, byQuestion));
            trees.AddRange(Outcomes(AddTrees(fitted, data, null), held, byQuestion));
            var newData = AbstainerData(fold.Select(q => newByQuestion[q]).ToArray());
            var fittedNew = TrainLine(newData, AbstentionFeatures.WithoutMemory);
            newLine.AddRange(Outcomes(fittedNew, held, newByQuestion));
            newTrees.AddRange(Outcomes(AddTrees(fittedNew, newData, AbstentionFeatures.WithoutMemory), held, newByQuestion));
        }

        static IEnumerable<FitOutcome> Outcomes(LogisticRegression.Fit abstainer, IEnumerable<FitQuestion> held, Dictionary<FitQuestion, (FitQuestion Question, (float[] Features, int Top) Features)> rows) =>
            held.Select(q => rows[q]).Select(x =>
                new FitOutcome(x.Question, x.Features.Top < 0 ? 0 : abstainer.Probability(x.Features.Features), x.Features.Top));

        var (useTrees, threshold, outcomes) = Better(line, trees);
        var (newUseTrees, newThreshold, _) = Better(newLine, newTrees);
        return new Selected(
            mode, TrainRanker(training, bestPenalty, use), TrainAbstainer(stage2, null, useTrees), bestPenalty, threshold, outcomes,
            TrainAbstainer(newStage2, AbstentionFeatures.WithoutMemory, newUseTrees), newThreshold, TrainRanker(training, bestPenalty, WithoutMemory(use)));

        static LogisticRegression.Fit TrainAbstainer(AbstainerRows rows, IReadOnlyList<bool>? use, bool withTrees)
        {
            var data = AbstainerData(rows);
            return withTrees ? AddTrees(TrainLine(data, use), data, use) : TrainLine(data, use);
        }
    }

    /// <summary>Whether the trees' out-of-fold outcomes beat the line's at each one's best threshold (a tie keeps the simpler line), that threshold, and those outcomes.</summary>
    internal static (bool Trees, double Threshold, IReadOnlyList<FitOutcome> Outcomes) Better(IReadOnlyList<FitOutcome> line, IReadOnlyList<FitOutcome> trees)
    {
        var (lineThreshold, lineObjective) = Thresholds.Best(line);
        var (treesThreshold, treesObjective) = Thresholds.Best(trees);
        return treesObjective > lineObjective + 1e-12 ? (true, treesThreshold, trees) : (false, lineThreshold, line);
    }

    /// <summary>
    /// K-fold cross-validation of the whole procedure (penalty, threshold, both stages): each
    /// question is scored by a scorer fitted without it, or any question worded the same.
    /// </summary>
    /// <param name="asNew">
    /// When given, also receives each held-out question decided as if every unit had come into the
    /// knowledge after the fit (the memory knows none of them): what an article added since gets,
    /// from the ranker and abstainer that ignore the memory.
    /// </param>
    public static IReadOnlyList<FitOutcome> CrossValidate(IReadOnlyList<FitQuestion> questions, RetrievalMode mode, int folds, int seed = Seed, List<FitOutcome>? asNew = null)
    {
        var outcomes = new List<FitOutcome>();
        foreach (var (outerTraining, outerHeld) in Folds(questions, folds, seed))
        {
            var (training, held) = Remember(outerTraining, outerHeld);
            var selected = SelectAndFit(training, mode);
            outcomes.AddRange(held.Select(selected.Decide));
            asNew?.AddRange(held.Select(q => selected.Decide(Unremembered(q))));
        }

        // Re-order as given, so reports list questions in their sets' order.
        // By set and id: the outcomes hold copies of the questions (their memory columns filled per fold).
        var order = questions.Select((q, i) => (Key: (q.Set, q.Question.Id), i)).ToDictionary(x => x.Key, x => x.i);
        int Given(FitOutcome o) => order[(o.Question.Set, o.Question.Question.Id)];
        asNew?.Sort((a, b) => Given(a).CompareTo(Given(b)));
        return outcomes.OrderBy(Given).ToArray();
    }

    /// <summary>Each question of <paramref name="training"/> scored by a ranker fitted on the other inner folds.</summary>
    private static List<(FitQuestion Question, double[] Scores)> OutOfFoldScores(IReadOnlyList<FitQuestion> training, double penalty, IReadOnlyList<bool> use)
    {
        var scored = new List<(FitQuestion Question, double[] Scores)>();
        foreach (var (fold, held) in Folds(training, InnerFolds, Seed + 1))
        {
            var ranker = TrainRanker(fold, penalty, use);
            scored.AddRange(held.Select(q => (q, q.Rows.Select(r => ranker.Logit(r)).ToArray())));
        }

        return scored;
    }

    /// <summary>A copy of <paramref name="question"/> whose units the memory knows nothing about: its columns zero.</summary>
    private static FitQuestion Unremembered(FitQuestion question) => question with
    {
        Rows = question.Rows.Select(r =>
        {
            var row = (float[])r.Clone();
            Array.Clear(row, AnswerFeatures.MemoryColumn, row.Length - AnswerFeatures.MemoryColumn);
            return row;
        }).ToArray(),
    };

    /// <summary>
    /// What the engine does with a question asking for a heading (<see cref="FitQuestion.AsksHeading"/>):
    /// answers with the heading it found, or nothing, whatever the scorer would have chosen.
    /// </summary>
    private static FitOutcome HeadingOutcome(FitQuestion question)
    {
        string[] heading = question.Heading is { } text ? [text] : [];
        var shown = question with
        {
            Units = heading,
            Rows = heading.Select(_ => new float[AnswerFeatures.Names.Count]).ToArray(),
            Labels = heading.Select(h => question.Question.InScope && EvalReport.Hit(h, question.Question.Expect)).ToArray(),
            UnitKeys = heading.Select(AnswerMemory.UnitKey).ToArray(),
        };
        return new FitOutcome(shown, 1, heading.Length > 0 ? 0 : -1);
    }

    /// <summary>The features the ranker weighs in <paramref name="mode"/>: those it measures, less those of the question alone.</summary>
    public static IReadOnlyList<bool> Usable(RetrievalMode mode) =>
        AnswerFeatures.Names.Select((n, i) => AnswerFeatures.Measured(mode)[i] && !AnswerFeatures.QuestionLevel.Contains(n) && !AnswerFeatures.AbstainerOnly.Contains(n)).ToArray();

    /// <summary><paramref name="use"/> less the memory's features: what the ranker for knowledge added since the fit weighs.</summary>
    public static IReadOnlyList<bool> WithoutMemory(IReadOnlyList<bool> use) =>
        use.Select((u, i) => u && i < AnswerFeatures.MemoryColumn).ToArray();

    private static int Top(double[] scores)
    {
        var top = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (top < 0 || scores[i] > scores[top])
                top = i;
        }

        return top;
    }

    private static LogisticRegression.Fit TrainRanker(IReadOnlyList<FitQuestion> questions, double penalty, IReadOnlyList<bool> use) =>
        ListwiseRanker.Train(questions.Select(q => (q.Rows, q.Labels)).ToArray(), penalty, use);

    /// <summary>The abstainer's logistic regression on the rows whose question had a unit to choose.</summary>
    /// <param name="use">The abstention features it weighs; all of them when null.</param>
    private static LogisticRegression.Fit TrainLine((float[][] Features, bool[] Labels) data, IReadOnlyList<bool>? use) =>
        LogisticRegression.Train(data.Features, data.Labels, AbstainerPenalty, use ?? AbstentionFeatures.Names.Select(_ => true).ToArray());

    /// <summary><paramref name="line"/> with <see cref="AbstainerTrees"/> boosted on its logit (none when the settings ask for no rounds).</summary>
    /// <param name="use">The features the trees may split on (the others are held at zero while they are fitted); all when null.</param>
    private static LogisticRegression.Fit AddTrees(LogisticRegression.Fit line, (float[][] Features, bool[] Labels) data, IReadOnlyList<bool>? use)
    {
        if (AbstainerTrees is not { Rounds: > 0 } trees)
            return line;
        var (features, labels) = data;
        var masked = use is null ? features : features.Select(f => f.Select((v, j) => use[j] ? v : 0f).ToArray()).ToArray();
        return line with { Trees = BoostedTrees.Train(masked, labels, masked.Select(f => line.Logit(f)).ToArray(), trees) };
    }

    private static (float[][] Features, bool[] Labels) AbstainerData(AbstainerRows rows)
    {
        var withUnits = rows.Where(r => r.Stage.Top >= 0).ToArray();
        // The abstainer learns whether the chosen unit answers: a wrong choice for an answerable
        // question is better refused than shown. (Labelling by "the question is answerable"
        // instead did worse in cross-validation: docs/RETRIEVAL.md.)
        return (withUnits.Select(r => r.Stage.Features).ToArray(), withUnits.Select(r => r.Question.Labels[r.Stage.Top]).ToArray());
    }

    /// <summary>
    /// K folds of whole question groups (one group per distinct wording), dealt in a fixed
    /// shuffled order with in-scope and out-of-scope questions dealt separately, so every fold
    /// holds both kinds in about the sets' proportion.
    /// </summary>
    public static IEnumerable<(IReadOnlyList<FitQuestion> Training, IReadOnlyList<FitQuestion> Held)> Folds(IReadOnlyList<FitQuestion> questions, int folds, int seed)
    {
        if (folds < 2)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "cross-validation needs at least 2 folds");
        var random = new Random(seed);
        var groups = questions.GroupBy(q => q.Key).Select(g => g.ToArray()).ToArray();
        var shuffled = groups.Select(g => (Group: g, Draw: random.Next())).OrderBy(x => x.Group[0].Question.InScope).ThenBy(x => x.Draw).Select(x => x.Group).ToArray();
        var foldOf = new Dictionary<FitQuestion, int>();
        for (var i = 0; i < shuffled.Length; i++)
        {
            foreach (var q in shuffled[i])
                foldOf[q] = i % folds;
        }

        for (var f = 0; f < folds; f++)
        {
            var held = questions.Where(q => foldOf[q] == f).ToArray();
            if (held.Length == 0)
                continue;
            yield return (questions.Where(q => foldOf[q] != f).ToArray(), held);
        }
    }
}
