using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Bot.Knowledge.Tests;

/// <summary>Meaning-based retrieval with the real sentence model, fused with the word index.</summary>
public sealed class HybridRetrievalTests(HybridKnowledgeFixture knowledge, ITestOutputHelper output) : IClassFixture<HybridKnowledgeFixture>
{
    [Theory]
    [InlineData("Where is the safe house where Kim prayed?", "he leads a prayer before a meal")]
    [InlineData("Who guided the family through the jungle?", "led by sketchy brokers")]
    [InlineData("Does the filmmaker share the pastor's faith?", "isn’t religious")]
    [InlineData("What did Gavin experience while shooting the film?", "she felt something profound")]
    [InlineData("Why were the Roh family in danger in North Korea?", "defected relatives")]
    public void Paraphrased_question_finds_the_sentence_that_answers_it(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered, $"not answered: coverage {answer.Coverage}, similarity {answer.Similarity}");
        Assert.Contains(expected, answer.Sentence);
        Assert.Contains(expected, answer.Passages[0].Passage.Text);
    }

    [Theory]
    [InlineData("who runs caleb mission?", "He runs Caleb Mission")] // "To him, …" between carries the reference back to the name
    [InlineData("whos the pastor", "He’s a Presbyterian pastor")]
    public void An_answer_about_he_names_him_as_fully_as_the_article_does(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered, $"not answered: confidence {answer.Confidence}");
        Assert.StartsWith(expected, answer.Sentence, StringComparison.Ordinal);
        // The article introduces "this Pastor, Seungeun Kim" once and says "Pastor Kim" after.
        Assert.EndsWith("(He: Pastor Seungeun Kim)", answer.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Does the filmmaker share the pastor's faith?", "isn’t religious")]
    [InlineData("What did Gavin experience while shooting the film?", "something profound")]
    public void Words_alone_give_up_on_paraphrases_that_meaning_answers(string question, string expected)
    {
        var lexical = knowledge.Ask(question, RetrievalMode.Lexical);
        var hybrid = knowledge.Ask(question, RetrievalMode.Hybrid);

        Assert.False(lexical.Answered);
        Assert.True(hybrid.Answered);
        Assert.Contains(expected, hybrid.Sentence);
    }

    [Theory]
    [InlineData("What is the weather in Seoul tomorrow?")]
    [InlineData("How much did the film cost to make?")]
    [InlineData("How do I reset my Discord password?")]
    [InlineData("Recommend me a good horror movie")]
    [InlineData("How old is Madeleine Gavin?")]
    public void Hybrid_still_says_it_does_not_know(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.False(answer.Answered, $"answered \"{answer.Sentence}\"");
        Assert.Empty(answer.Passages);
    }

    [Fact]
    public void Hybrid_is_the_default_with_a_model_and_reports_a_similarity()
    {
        var answer = knowledge.Ask("Who directed Beyond Utopia?");

        Assert.Equal(RetrievalMode.Hybrid, knowledge.Engine.DefaultMode);
        Assert.Contains("Madeleine Gavin", answer.Sentence);
        Assert.InRange(answer.Similarity, 0.05f, 1.0f);
    }

    [Fact]
    public void Community_style_questions_are_answered_better_with_meaning_than_with_words()
    {
        var questions = new[] { TestPaths.CommunityQuestions, TestPaths.CommunityQuestions2 }.SelectMany(EvalQuestion.Load).ToArray();
        var hybrid = Score(questions, RetrievalMode.Hybrid);
        var lexical = Score(questions, RetrievalMode.Lexical);

        Assert.True(hybrid.AnswerAccuracy > lexical.AnswerAccuracy + 0.1, $"hybrid {hybrid}\nlexical {lexical}");
        Assert.True(hybrid.MedianAnswerChars <= 300, $"hybrid {hybrid}");
    }

    [Fact]
    public void Paraphrase_set_is_answered_better_with_meaning_than_with_words()
    {
        var questions = EvalQuestion.Load(TestPaths.ParaphraseQuestions);
        var hybrid = Score(questions, RetrievalMode.Hybrid);
        var lexical = Score(questions, RetrievalMode.Lexical);

        Assert.True(hybrid.AnswerAccuracy > lexical.AnswerAccuracy, $"hybrid {hybrid}\nlexical {lexical}");
    }

    [Fact]
    public void A_hundred_questions_at_once_all_get_their_answer_with_the_model_bounded()
    {
        (string Question, string Expected)[] asked =
        [
            ("Who directed Beyond Utopia?", "Madeleine Gavin"),
            ("How many defectors has Caleb Mission helped?", "1,000"),
            ("Where is the safe house where Kim prayed?", "prayer before a meal"),
            ("Is Gavin religious?", "isn’t religious"),
        ];
        var questions = Enumerable.Range(0, 100).Select(i => asked[i % asked.Length]).ToArray();
        // Distinct texts, so every question really goes to the model rather than the cache.
        var answers = new Answer[questions.Length];
        Parallel.For(0, questions.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            answers[i] = knowledge.Ask($"{questions[i].Question}{new string(' ', i % 7)}{(i >= 4 ? $" ({i})" : "")}"));

        for (var i = 0; i < questions.Length; i++)
        {
            Assert.True(answers[i].Answered, $"question {i} not answered");
            Assert.Contains(questions[i].Expected, answers[i].Sentence);
        }

        Assert.InRange(SentenceModel.Shared.PeakConcurrency, 1, 2);
    }

    private EvalReport Score(IReadOnlyList<EvalQuestion> questions, RetrievalMode mode)
    {
        var report = EvalReport.Score(questions, questions.Select(q => knowledge.Ask(q.Question, mode)).ToArray());
        output.WriteLine($"{mode}: {report}");
        return report;
    }
}
