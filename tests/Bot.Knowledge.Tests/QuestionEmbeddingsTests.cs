using Bot.Knowledge.Semantic;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>The question-embedding cache: what reaches the model, and in how many calls.</summary>
public sealed class QuestionEmbeddingsTests
{
    [Fact]
    public void Texts_not_cached_go_to_the_model_in_one_call_and_are_remembered()
    {
        var model = new RecordingEmbedder(SentenceModel.Shared);
        var questions = new QuestionEmbeddings(model, capacity: 16);

        var both = questions.Embed(["Who directed the film?", "directed the film?"]);
        var again = questions.Embed(["Who directed the film?"]);

        var batch = Assert.Single(model.Batches);
        Assert.Equal(["Who directed the film?", "directed the film?"], batch);
        Assert.Same(both[0], again[0]);
        Assert.NotEqual(both[0], both[1]);
    }

    [Fact]
    public void A_text_given_twice_is_embedded_once_and_a_cached_one_not_at_all()
    {
        var model = new RecordingEmbedder(SentenceModel.Shared);
        var questions = new QuestionEmbeddings(model, capacity: 16);
        var cached = questions.Embed("Where was it filmed?");

        var vectors = questions.Embed(["  Where was it filmed? ", "Who is Pastor Kim?", "Who is Pastor Kim?"]);

        Assert.Equal([["Where was it filmed?"], ["Who is Pastor Kim?"]], model.Batches);
        Assert.Same(cached, vectors[0]);
        Assert.Same(vectors[1], vectors[2]);
    }

    [Fact]
    public void A_batched_vector_is_the_vector_of_the_text_alone()
    {
        var questions = new QuestionEmbeddings(SentenceModel.Shared, capacity: 0);

        var batched = questions.Embed(["How long did the escape take?", "Who helped the Roh family cross the river into China?"]);
        var alone = questions.Embed("How long did the escape take?");

        Assert.True(Vectors.Dot(batched[0], alone) > 0.9999f, "padding a short text to a longer one's length must not change its vector");
    }
}
