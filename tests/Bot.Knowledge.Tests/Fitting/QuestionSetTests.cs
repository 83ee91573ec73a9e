using System.Text.Json;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>
/// The question sets the scorer is fitted and judged on: each answerable question expects words the
/// shipped knowledge holds (else it could never be answered rightly, and would teach the fit noise),
/// and the never-fitted sets stay out of the shipped model, or their figures would stop meaning anything.
/// </summary>
public sealed class QuestionSetTests
{
    public static TheoryData<string> EverySet => [.. TestPaths.FittedSets.Concat(TestPaths.NeverFittedSets).Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(EverySet))]
    public void Each_answerable_question_expects_a_phrase_the_shipped_knowledge_holds(string file)
    {
        var path = TestPaths.FittedSets.Concat(TestPaths.NeverFittedSets).Single(p => Path.GetFileName(p) == file);
        var knowledge = EvalReport.Normalize(File.ReadAllText(TestPaths.ShippedArticle));
        var questions = EvalQuestion.Load(path);

        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
        foreach (var q in questions)
        {
            if (q.InScope)
            {
                Assert.NotEmpty(q.Expect);
                Assert.True(q.Expect.Any(e => knowledge.Contains(EvalReport.Normalize(e), StringComparison.Ordinal)), $"{file} {q.Id}: no expected phrase is in the shipped article");
            }
            else
            {
                Assert.Empty(q.Expect);
            }
        }
    }

    [Fact]
    public void The_never_fitted_sets_stay_out_of_the_shipped_model()
    {
        using var stream = typeof(AnswerModel).Assembly.GetManifestResourceStream(AnswerModel.ResourceName)!;
        var file = JsonSerializer.Deserialize(stream, AnswerModelJson.Default.AnswerModelFile)!;
        var never = TestPaths.NeverFittedSets.Select(Path.GetFileName).ToArray();

        Assert.NotEmpty(file.FittedOn);
        Assert.DoesNotContain(file.FittedOn, set => never.Contains(set.File));
        Assert.DoesNotContain(TestPaths.FittedSets, p => never.Contains(Path.GetFileName(p)));

        // The memory names each remembered question's set by its file name without the extension.
        var remembered = file.Memory!.Questions.Select(q => q.Set).ToHashSet();
        Assert.Contains(Path.GetFileNameWithoutExtension(TestPaths.PlainQuestions), remembered);
        Assert.DoesNotContain(remembered, set => never.Any(n => Path.GetFileNameWithoutExtension(n) == set));
    }
}
