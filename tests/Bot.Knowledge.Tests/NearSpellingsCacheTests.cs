using Bot.Knowledge.Search;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// The near spellings of words the knowledge lacks are remembered per index, and anyone can send new
/// words with every question: the memory they take stays bounded however many arrive, and a misspelt
/// word is still read as the knowledge's word afterwards.
/// </summary>
public sealed class NearSpellingsCacheTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    [Fact]
    public void Questions_full_of_made_up_words_do_not_grow_the_cache_past_its_bound()
    {
        // Eight new words a question (as many as one question may look up), 12,000 in all: more than the bound.
        for (var q = 0; q < 1_500; q++)
        {
            var words = Enumerable.Range(0, 8).Select(w => MadeUpWord(q * 8 + w));
            var answer = knowledge.Ask("what about " + string.Join(' ', words) + "?");
            Assert.False(answer.Answered);
        }

        var snapshot = knowledge.Snapshot();
        Assert.InRange(snapshot.CachedNearSpellings, 1, IndexSnapshot.NearSpellingsLimit);
        Assert.Contains("madelein", snapshot.NearSpellings("madelin"));
    }

    /// <summary>A word no dictionary has, "zqxab…": letters only, at least five, different for each <paramref name="n"/>.</summary>
    private static string MadeUpWord(int n)
    {
        var letters = new char[4];
        for (var i = 0; i < letters.Length; i++, n /= 26)
            letters[i] = (char)('a' + (n % 26));
        return "zqx" + new string(letters);
    }
}
