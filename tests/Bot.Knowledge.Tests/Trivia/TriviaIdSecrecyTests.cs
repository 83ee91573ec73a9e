using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Tests.Summaries;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Trivia;

/// <summary>
/// A question's id rides in its buttons, where any client reads it (issue 12): it must not let
/// anyone compute the right option, and ids cannot be made up without the bot's key.
/// </summary>
public sealed class TriviaIdSecrecyTests(InventedKnowledgeFolder invented) : IClassFixture<InventedKnowledgeFolder>
{
    [Fact]
    public void The_right_option_cannot_be_computed_from_the_id()
    {
        var guessed = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var question = invented.Trivia.Generate(seed)!;
            var check = question.Id[(question.Id.LastIndexOf('.') + 1)..];
            // What a client can compute from what it sees: the public hash the check used to be,
            // over the sentence, the question, the options and each possible right index.
            var matches = Enumerable.Range(0, question.Options.Count)
                .Where(i => PublicCheck(question, i) == check)
                .ToArray();
            if (matches.Length == 1 && matches[0] == question.RightIndex)
                guessed++;
        }

        Assert.Equal(0, guessed);
    }

    [Fact]
    public void An_id_made_with_another_key_is_refused_and_the_same_key_restores_it()
    {
        var store = invented.Store;
        var key = StateKey.Random();
        var mine = new TriviaGenerator(store, key);
        var theirs = new TriviaGenerator(store, StateKey.Random());

        var question = theirs.Generate(7)!;

        Assert.False(mine.TryRestore(question.Id, out _));
        Assert.True(theirs.TryRestore(question.Id, out _));
        Assert.True(new TriviaGenerator(store, key).TryRestore(mine.Generate(7)!.Id, out _));
    }

    private static string PublicCheck(TriviaQuestion question, int right) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{question.Source.Passage.Id}\n{question.Source.Text}\n{question.Text}\n{string.Join('\n', question.Options)}\n{right}")))[..6];
}
