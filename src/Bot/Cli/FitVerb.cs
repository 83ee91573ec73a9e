using System.Globalization;
using System.Security.Cryptography;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Fitting;

namespace Bot.Cli;

/// <summary>
/// <c>fit FILE.jsonl...</c>: fits the answer scorer of every mode on public question sets,
/// prints its cross-validated and in-sample figures and the threshold's precision/recall
/// curve, and writes the model file that the next build ships (docs/RETRIEVAL.md).
/// </summary>
internal static class FitVerb
{
    public const string ModelPath = "src/Bot.Knowledge/Answering/answer-model.json";

    public static async Task<int> Run(CliArguments cli, AnswerEngine engine, TextWriter output)
    {
        var questions = QuestionSets.Load(cli.Words, "fit");
        var folds = cli.Folds ?? 5;
        var target = cli.Out ?? DefaultTarget();
        // Every mode the engine can run, unless one is named (a quicker fit, for trying things:
        // a file with one mode's scorer is not one to ship).
        var modes = cli.Mode is { } only
            ? new[] { only }
            : engine.DefaultMode == RetrievalMode.Hybrid
                ? [RetrievalMode.Hybrid, RetrievalMode.Lexical, RetrievalMode.Semantic]
                : [RetrievalMode.Lexical];
        var c = CultureInfo.InvariantCulture;
        var weights = new Dictionary<string, ModeWeights>();
        var settings = new Dictionary<string, double> { ["folds"] = folds, ["inner_folds"] = ScorerFitting.InnerFolds, ["seed"] = ScorerFitting.Seed };
        if (ScorerFitting.AbstainerTrees is { Rounds: > 0 } trees)
        {
            (settings["abstainer_tree_rounds"], settings["abstainer_tree_depth"], settings["abstainer_tree_rate"]) = (trees.Rounds, trees.Depth, trees.Rate);
            (settings["abstainer_tree_min_leaf"], settings["abstainer_tree_penalty"]) = (trees.MinLeaf, trees.Penalty);
        }

        IReadOnlyList<FitQuestion> memoryQuestions = [];
        foreach (var mode in modes)
        {
            var name = mode.ToString().ToLowerInvariant();
            var extracted = ScorerFitting.Extract(engine, questions, mode);
            if (mode == RetrievalMode.Hybrid || memoryQuestions.Count == 0)
                memoryQuestions = extracted;
            var (training, remembered) = ScorerFitting.Remember(extracted, extracted);
            var selected = ScorerFitting.SelectAndFit(training, mode);
            weights[name] = selected.ToWeights();
            settings[$"penalty_{name}"] = selected.Penalty;
            var inSample = remembered.Select(selected.Decide).ToArray();
            // The memory holds only in hybrid (it needs the question's vector): there, also what an article added after the fit gets.
            var asNew = mode == RetrievalMode.Hybrid ? new List<FitOutcome>() : null;
            var crossValidated = ScorerFitting.CrossValidate(extracted, mode, folds, asNew: asNew);
            await WriteExperimentAidsAsync(extracted, selected, crossValidated, asNew, mode, folds, output);
            await output.WriteLineAsync(string.Create(c, $"## {name}: penalty {selected.Penalty}, threshold {selected.Threshold:0.000}"));
            await output.WriteLineAsync(OutcomeReport.Table(OutcomeReport.BySet(crossValidated), $"{folds}-fold cross-validated (nested: penalty and threshold chosen inside each training fold)"));
            await output.WriteLineAsync(OutcomeReport.Table(OutcomeReport.BySet(inSample), "in-sample (the shipped model on the questions it was fitted on)"));
            if (asNew is not null)
                await output.WriteLineAsync(OutcomeReport.Table(OutcomeReport.BySet(asNew), $"{folds}-fold cross-validated as new knowledge (every unit unknown to the memory, as in an article added after the fit)"));
            if (mode == RetrievalMode.Hybrid)
                await WriteCurveAndWeightsAsync(selected, output);
        }

        var file = new AnswerModelFile(
            AnswerModelFile.CurrentFormat, AnswerFeatures.Names, AbstentionFeatures.Names,
            cli.Words.Select(p => new FittedSet(Path.GetFileName(p), Sha256(p), questions.Count(q => q.Set == QuestionSets.Name(p)))).ToArray(),
            settings, weights, MemoryFile(engine, memoryQuestions));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await File.WriteAllTextAsync(target, AnswerModel.Serialize(file) + "\n");
        await output.WriteLineAsync($"wrote {Path.GetFullPath(target)}; rebuild to ship it");
        return BotCommandLine.Ok;
    }

    /// <summary>Experiment aids, by environment variable: the pooled figure over several fold shuffles, and per-question outcomes for error analysis.</summary>
    private static async Task WriteExperimentAidsAsync(
        IReadOnlyList<FitQuestion> extracted, ScorerFitting.Selected selected, IReadOnlyList<FitOutcome> crossValidated, IReadOnlyList<FitOutcome>? asNew, RetrievalMode mode, int folds, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var name = mode.ToString().ToLowerInvariant();
        if (Environment.GetEnvironmentVariable("BOT_FIT_REPEATS") is { } repeats && mode == RetrievalMode.Hybrid)
        {
            // Experiment aid: the pooled figure over several fold shuffles, less noisy than one.
            var shuffles = Enumerable.Range(0, int.Parse(repeats, c)).Select(r => ScorerFitting.CrossValidate(extracted, mode, folds, ScorerFitting.Seed + 100 * (r + 1))).ToArray();
            for (var r = 0; r < shuffles.Length; r++)
                await output.WriteLineAsync(OutcomeReport.Table(OutcomeReport.BySet(shuffles[r]), $"shuffle {r + 2} of the folds"));
            var runs = shuffles.Select(outcomes => OutcomeReport.Of("pooled", outcomes)).ToArray();
            await output.WriteLineAsync(string.Create(c, $"repeated: answer {runs.Average(r => r.AnswerAccuracy):0.000} abstain {runs.Average(r => r.AbstainAccuracy):0.000} ranked {runs.Average(r => r.RankedAccuracy):0.000} sum {runs.Average(r => r.AnswerAccuracy + r.AbstainAccuracy):0.000}"));
        }
        if (Environment.GetEnvironmentVariable("BOT_FIT_OUTCOMES") is { Length: > 0 } outcomesPath)
        {
            // Per-question out-of-fold outcomes, for error analysis (docs/RETRIEVAL.md); and the same decided as new
            // knowledge (every unit unknown to the memory), ranked by the ranker without the memory.
            await WriteOutcomesAsync($"{outcomesPath}.{name}.tsv", crossValidated, selected.Ranker);
            if (asNew is not null)
                await WriteOutcomesAsync($"{outcomesPath}.{name}-as-new.tsv", asNew, selected.NewRanker);
        }
    }

    /// <summary>One line per question: id, kind, right / wrong / abstain, confidence, the rank <paramref name="ranker"/> gives the first right unit (0: none), question, answer.</summary>
    private static async Task WriteOutcomesAsync(string path, IReadOnlyList<FitOutcome> outcomes, LogisticRegression.Fit ranker)
    {
        var c = CultureInfo.InvariantCulture;
        await using var w = File.CreateText(path);
        foreach (var o in outcomes)
        {
            var q = o.Question;
            var rightRank = q.Rows.Select((r, i) => (P: ranker.Logit(r), i)).OrderByDescending(x => x.P).Select((x, rank) => (x.i, rank)).Where(x => q.Labels[x.i]).Select(x => x.rank + 1).DefaultIfEmpty(0).First();
            await w.WriteLineAsync(string.Join('\t', q.Question.Id, q.Question.Kind, o.Top >= 0 ? (o.IsRightUnit ? "right" : "wrong") : "abstain", o.Confidence.ToString("0.00", c), rightRank, q.Question.Question, o.Ranked >= 0 ? q.Units[o.Ranked] : ""));
        }
    }

    /// <summary>About a dozen questions of the public pool: a difference of this much between two thresholds is noise.</summary>
    private const double NearBestTolerance = 0.01;

    /// <summary>The hybrid scorer's threshold curve and its weights, largest first.</summary>
    private static async Task WriteCurveAndWeightsAsync(ScorerFitting.Selected selected, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync("threshold precision/recall (out-of-fold confidences of the inner cross-validation on all questions)");
        await output.WriteLineAsync("| threshold | precision | recall (in-scope answered rightly) | abstain_acc |");
        await output.WriteLineAsync("| --- | --- | --- | --- |");
        foreach (var (t, precision, recall, abstain) in Thresholds.Curve(selected.InnerOutcomes, Enumerable.Range(1, 19).Select(i => i / 20.0).Append(selected.Threshold).Order()))
            await output.WriteLineAsync(string.Create(c, $"| {t:0.000} | {precision:0.000} | {recall:0.000} | {abstain:0.000} |"));
        var (low, high) = Thresholds.NearBest(selected.InnerOutcomes, NearBestTolerance);
        await output.WriteLineAsync(string.Create(c,
            $"every threshold from {low:0.000} to {high:0.000} is within {NearBestTolerance} of the best answer_acc + abstain_acc: a refit may move the threshold anywhere in that band"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("weights (standardised features)");
        foreach (var (feature, w) in AnswerFeatures.Names.Zip(selected.Ranker.Weights).OrderByDescending(x => Math.Abs(x.Second)))
            await output.WriteLineAsync(string.Create(c, $"  ranker    {feature,-20} {w,8:0.000}"));
        foreach (var (feature, w) in AbstentionFeatures.Names.Zip(selected.Abstainer.Weights).OrderByDescending(x => Math.Abs(x.Second)))
            await output.WriteLineAsync(string.Create(c, $"  abstainer {feature,-20} {w,8:0.000}"));
        if (selected.Abstainer.Trees is { } trees)
        {
            // What the trees add to the line, by the features they split on.
            var splits = trees.Feature.Where(f => f >= 0).GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => $"{AbstentionFeatures.Names[g.Key]} {g.Count()}");
            await output.WriteLineAsync($"  abstainer trees: {trees.Roots.Length}, splits by feature: {string.Join(", ", splits)}");
        }
        await output.WriteLineAsync();
    }

    /// <summary>The memory the model ships: every fitted question with a vector, and its answering units (from the hybrid mode's candidates), and the probe fitted on them all.</summary>
    private static MemoryFile? MemoryFile(AnswerEngine engine, IReadOnlyList<FitQuestion> questions)
    {
        if (engine.EmbeddingModel is not { } model || questions.All(q => q.Vector is null))
            return null;
        return new MemoryFile(model, questions.Where(q => q.Vector is not null).Select(q => new MemoryQuestion(
            q.Set, q.Question.Id, q.Question.Question, q.Question.InScope, q.Terms,
            q.AnswerKeys, Knowledge.Answering.MemoryFile.Encode(q.Vector!))).ToArray())
        {
            Probe = ScorerFitting.ProbeOf(questions) is { } probe ? ProbeFile.Of(probe) : null,
        };
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The model file in this checkout: found from the working directory up to the folder holding Bot.sln.</summary>
    private static string DefaultTarget()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return Path.Combine(dir.FullName, ModelPath);
        }

        throw new CliException($"not inside the repository (no Bot.sln above the working directory): say where to write the model with --out FILE");
    }
}
