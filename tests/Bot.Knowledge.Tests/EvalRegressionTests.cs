using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Bot.Knowledge.Tests;

/// <summary>
/// The public question set is the regression gate: the shipped knowledge must keep answering
/// it, and the in-process scorer must count exactly as <c>shared/eval/score.py</c> does.
/// </summary>
public sealed class EvalRegressionTests(ShippedKnowledgeFixture knowledge, ITestOutputHelper output)
    : IClassFixture<ShippedKnowledgeFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Dev_questions_are_answered_well_enough_to_ship()
    {
        var questions = EvalQuestion.Load(TestPaths.DevQuestions);
        var answers = questions.Select(q => knowledge.Ask(q.Question)).ToArray();

        var report = EvalReport.Score(questions, answers);
        output.WriteLine(report.ToString());

        Assert.Equal(questions.Count, report.InScope + report.OutOfScope);
        Assert.True(report.InScope > 0 && report.OutOfScope > 0);
        // Words only (this fixture has no sentence model): the fitted lexical scorer gives 0.76 / 1.0
        // in-sample here (docs/RETRIEVAL.md, section 8); the hand-set engine before it gave 0.96.
        Assert.True(report.AnswerAccuracy >= 0.72, $"answer accuracy {report.AnswerAccuracy} < 0.72\n{report}");
        Assert.True(report.AbstainAccuracy >= 0.75, $"abstain accuracy {report.AbstainAccuracy} < 0.75\n{report}");
    }

    [Fact]
    public void Scoring_the_dev_answers_agrees_with_score_py()
    {
        var questions = EvalQuestion.Load(TestPaths.DevQuestions);
        var answers = questions.Select(q => knowledge.Ask(q.Question)).ToArray();

        AssertAgreesWithScorePy(TestPaths.DevQuestions, questions, answers);
    }

    [Fact]
    public void Scoring_tricky_answers_agrees_with_score_py()
    {
        var lines = new[]
        {
            """{"id": "t1", "question": "Is Gavin religious?", "expect": ["isn’t religious"], "kind": "in"}""",
            """{"id": "t2", "question": "Quotes and spaces?", "expect": ["\"abc 123\""], "kind": "in"}""",
            """{"id": "t3", "question": "Third passage?", "expect": ["needle"], "kind": "in"}""",
            """{"id": "t4", "question": "Answered but abstained?", "expect": ["anything"], "kind": "in"}""",
            """{"id": "t5", "question": "Wrong answer?", "expect": ["right"], "kind": "in"}""",
            """{"id": "x1", "question": "Out and abstained?", "expect": [], "kind": "out"}""",
            """{"id": "x2", "question": "Out but answered?", "expect": [], "kind": "out"}""",
        };
        var questionsPath = _temp.Combine("tricky-questions.jsonl");
        File.WriteAllLines(questionsPath, lines);
        var questions = EvalQuestion.Load(questionsPath);
        Answer[] answers =
        [
            Answered("Is Gavin religious?", "Gavin, the director, **isn't   religious**, but…", "Gavin, the director, isn’t religious."),
            Answered("Quotes and spaces?", "It says “ABC\u00A0\t123” _here_.", "hay"),
            Answered("Third passage?", "no", "hay", "straw", "a `needle` here", "more hay"),
            Answer.NotAnswered("Answered but abstained?", Abstention.NotEnoughEvidence),
            Answered("Wrong answer?", "This is wrong.", "wrong passage", "right passage"),
            Answer.NotAnswered("Out and abstained?", Abstention.NothingMatched),
            Answered("Out but answered?", "Something confident.", "some passage"),
        ];

        var report = AssertAgreesWithScorePy(questionsPath, questions, answers);

        Assert.Equal((0.4, 0.5), (report.AnswerAccuracy, report.AbstainAccuracy));
    }

    [Fact]
    public void Full_width_characters_in_an_answer_count_as_their_plain_forms_as_score_py_counts_them()
    {
        // score.py compares NFKC forms: "ＡＢＣ　１２３" is "ABC 123", "…" is "...".
        var questionsPath = _temp.Combine("full-width-questions.jsonl");
        File.WriteAllLines(questionsPath,
        [
            """{"id": "w1", "question": "Full width?", "expect": ["ABC 123"], "kind": "in"}""",
            """{"id": "w2", "question": "Ellipsis?", "expect": ["wait..."], "kind": "in"}""",
        ]);
        var questions = EvalQuestion.Load(questionsPath);
        Answer[] answers =
        [
            Answered("Full width?", "It says ＡＢＣ　１２３ in full width.", "It says ＡＢＣ　１２３ in full width."),
            Answered("Ellipsis?", "And then… wait… it ends.", "And then… wait… it ends."),
        ];

        var report = EvalReport.Score(questions, answers);

        Assert.True(report.AnswerAccuracy == 1.0, $"score.py counts both answers as hits (NFKC); EvalReport.Score does not:\n{report}");
        AssertAgreesWithScorePy(questionsPath, questions, answers);
    }

    [Fact]
    public void A_malformed_question_file_is_refused_naming_the_bad_line()
    {
        var path = _temp.Combine("bad-questions.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "q1", "question": "Who directed Beyond Utopia?", "expect": ["Madeleine Gavin"], "kind": "in"}""",
            "",
            """{"id": "q2", "question": "Missing kind"}""",
        ]);

        var e = Assert.Throws<FormatException>(() => EvalQuestion.Load(path));

        Assert.Contains("line 3", e.Message);
    }

    private EvalReport AssertAgreesWithScorePy(string questionsPath, IReadOnlyList<EvalQuestion> questions, IReadOnlyList<Answer> answers)
    {
        var ours = EvalReport.Score(questions, answers);
        var python = FindPython();
        if (python is null)
        {
            output.WriteLine("python3 is not available here: compared nothing with score.py");
            return ours;
        }

        if (!File.Exists(TestPaths.Scorer))
        {
            output.WriteLine($"{TestPaths.Scorer} is not beside this checkout: compared nothing with score.py");
            return ours;
        }

        var answersPath = _temp.Combine($"answers-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(answersPath, answers.Select(a => new JsonObject
        {
            ["question"] = a.Question,
            ["answered"] = a.Answered,
            ["answer"] = a.Sentence,
            ["passages"] = new JsonArray(a.Passages.Select(p => (JsonNode)new JsonObject { ["text"] = p.Passage.Text }).ToArray()),
        }.ToJsonString()));

        var (exit, stdout, stderr) = Run(python, TestPaths.Scorer, questionsPath, answersPath, "--json");
        Assert.True(exit == 0, $"score.py failed ({exit}): {stderr}");
        var theirs = JsonNode.Parse(stdout)!.AsObject();
        output.WriteLine($"ours:   {ours.ToString().ReplaceLineEndings(" ")}\ntheirs: {stdout.Trim()}");

        Assert.Equal(theirs["answer_acc"]!.GetValue<double>(), ours.AnswerAccuracy, 9);
        Assert.Equal(theirs["passage_hit1"]!.GetValue<double>(), ours.PassageHitAt1, 9);
        Assert.Equal(theirs["mrr5"]!.GetValue<double>(), ours.Mrr5, 9);
        Assert.Equal(theirs["abstain_acc"]!.GetValue<double>(), ours.AbstainAccuracy, 9);
        Assert.Equal(theirs["qa_score"]!.GetValue<double>(), ours.QaScore, 9);
        Assert.Equal(theirs["answer_chars_median"]!.GetValue<double>(), ours.MedianAnswerChars, 9);
        Assert.Equal(theirs["n_in"]!.GetValue<int>(), ours.InScope);
        Assert.Equal(theirs["n_out"]!.GetValue<int>(), ours.OutOfScope);
        return ours;
    }

    private static Answer Answered(string question, string sentence, params string[] passages) =>
        new(question, true, sentence, passages.Select((text, i) => new PassageHit(new Passage("t.md", i, "T", "", "t.md", text), 1f / (i + 1), [], null)).ToArray(), null);

    /// <summary>python3 if it is installed and runs; null otherwise, and the comparison is left out.</summary>
    private static string? FindPython()
    {
        try
        {
            var (exit, _, _) = Run("python3", "--version");
            return exit == 0 ? "python3" : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
