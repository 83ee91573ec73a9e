using System.Diagnostics.CodeAnalysis;
using Bot.Knowledge.Summaries;

namespace Bot.Knowledge.Trivia;

/// <summary>
/// Fill-in-the-blank questions from the knowledge's own sentences: one name, place,
/// organisation, year or number is blanked, and three wrong options of the same kind come from
/// the knowledge (see <see cref="TriviaFacts"/> for how kinds are told apart and
/// <see cref="Distractors"/> for how options are chosen). The same seed always gives the same
/// question for the same knowledge, and a question's <see cref="TriviaQuestion.Id"/> gives it back.
/// </summary>
/// <param name="key">Authenticates question ids (<see cref="StateKey"/>); without one, a key of this process only.</param>
public sealed class TriviaGenerator(KnowledgeStore store, StateKey? key = null)
{
    private readonly StateKey _key = key ?? StateKey.Random();

    /// <summary>
    /// A question chosen by <paramref name="seed"/>: first a kind among those the knowledge has
    /// questions of, then a fact of that kind. Null when the knowledge has no fact that makes a
    /// question (of <paramref name="kind"/>, when given).
    /// </summary>
    public TriviaQuestion? Generate(int seed, TriviaKind? kind = null)
    {
        using var lease = store.Index.Acquire();
        var facts = TriviaFacts.Of(SentenceCorpus.Of(store, lease.Searcher));
        var random = new Random(seed);
        var kinds = facts.Kinds;
        if (kind is { } wanted)
            kinds = kinds.Contains(wanted) ? [wanted] : [];
        if (kinds.Count == 0)
            return null;
        var ofKind = facts.FactsOf(kinds[random.Next(kinds.Count)]);
        return Build(facts, ofKind[random.Next(ofKind.Count)], seed);
    }

    /// <summary>A question chosen by the next value of <paramref name="random"/>.</summary>
    public TriviaQuestion? Generate(Random random, TriviaKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Generate(random.Next(), kind);
    }

    /// <summary>The kinds the knowledge has at least one question of: a kind with fewer than four distinct answers has none.</summary>
    public IReadOnlySet<TriviaKind> AvailableKinds()
    {
        using var lease = store.Index.Acquire();
        return TriviaFacts.Of(SentenceCorpus.Of(store, lease.Searcher)).Kinds.ToHashSet();
    }

    /// <summary>
    /// The question an id was made for, exactly as it was first shown; false for an id that is
    /// malformed, altered, or that the knowledge (changed since) no longer gives the same question for.
    /// </summary>
    public bool TryRestore(string? id, [NotNullWhen(true)] out TriviaQuestion? question)
    {
        question = null;
        if (!TriviaId.TryParse(id, out var locator, out var mention, out var seed))
            return false;
        using var lease = store.Index.Acquire();
        var facts = TriviaFacts.Of(SentenceCorpus.Of(store, lease.Searcher));
        foreach (var sentence in facts.At(locator))
        {
            if (facts.FactAt(sentence, mention) is not { } fact)
                continue;
            var rebuilt = Build(facts, fact, seed);
            if (string.Equals(rebuilt.Id, id, StringComparison.Ordinal))
            {
                question = rebuilt;
                return true;
            }
        }

        return false;
    }

    private TriviaQuestion Build(TriviaFacts facts, Fact fact, int seed)
    {
        // Its own stream, so options depend on the seed and the fact only, not on how the fact was chosen.
        var random = new Random(unchecked((int)((uint)seed * 2654435761u ^ 0x5bd1e995u)));
        var pool = facts.Pool(fact.Answer.Kind);
        var wrong = Distractors.Pick(fact.Answer, fact.Question, pool, random)
                    ?? Distractors.Pick(fact.Answer, fact.Question, pool, random: null)!;
        var right = random.Next(TriviaQuestion.OptionCount);
        var options = wrong.ToList();
        options.Insert(right, fact.Answer.Text);
        var id = TriviaId.Create(fact, seed, fact.Question, options, right, _key);
        return new TriviaQuestion(id, fact.Answer.Kind, fact.Question, options, right, fact.Sentence.Sentence);
    }
}
