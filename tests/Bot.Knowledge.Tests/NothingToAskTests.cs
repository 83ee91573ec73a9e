using Bot.Knowledge.Answering;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// A message with nothing to ask ("?", an emoji, "ok so", a bare "why") gets the hint on how to
/// ask in every mode. The words-only engine never answered one (no word to look up); by meaning
/// the sentence model embedded what was left, landed near some sentence and answered "?" with
/// the pastor's biography at a confidence of 0.99.
/// </summary>
public sealed class NothingToAskTests(HybridKnowledgeFixture knowledge) : IClassFixture<HybridKnowledgeFixture>
{
    [Theory]
    [InlineData("?")]
    [InlineData("...")]
    [InlineData("?!")]
    [InlineData("🍿🍿🍿")]
    [InlineData("ok so")]
    [InlineData("hey! 🍿")]
    [InlineData("what")]
    [InlineData("why?")]
    public void A_message_with_nothing_to_ask_is_reported_as_empty_in_every_mode(string message)
    {
        foreach (var mode in new[] { RetrievalMode.Hybrid, RetrievalMode.Semantic, RetrievalMode.Lexical })
        {
            var answer = knowledge.Ask(message, mode);

            Assert.False(answer.Answered, $"{mode}: answered '{message}' with '{answer.Sentence}'");
            Assert.Equal(Abstention.EmptyQuestion, answer.Abstention);
        }
    }

    [Theory]
    [InlineData("gavin")]
    [InlineData("Presbyterian?")]
    [InlineData("who is he?")]
    [InlineData("what's it about?")]
    public void A_short_message_that_names_something_is_still_a_question(string message)
    {
        var answer = knowledge.Ask(message, RetrievalMode.Hybrid);

        Assert.NotEqual(Abstention.EmptyQuestion, answer.Abstention);
    }
}
