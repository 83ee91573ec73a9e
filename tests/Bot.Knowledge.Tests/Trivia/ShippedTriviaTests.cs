using System.Globalization;
using Bot.Knowledge.Tests.Summaries;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Trivia;

/// <summary>Trivia from the shipped article, as a watch party would play it.</summary>
public class ShippedTriviaTests(ShippedKnowledgeFolder knowledge) : IClassFixture<ShippedKnowledgeFolder>
{
    private const int Seeds = 500;

    /// <summary>The article's places, as it writes them.</summary>
    private static readonly string[] Places = ["Vietnam", "Laos", "North Korea", "South Korea", "Changbai Mountain"];

    [Fact]
    public void Every_question_of_500_seeds_is_well_formed_and_restores()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var question = knowledge.Trivia.Generate(seed);
            Assert.NotNull(question);
            TriviaAssert.WellFormed(question, knowledge.Trivia, knowledge.AllText);
        }
    }

    [Fact]
    public void Seeds_give_a_variety_of_questions_and_kinds()
    {
        var questions = Enumerable.Range(0, Seeds).Select(s => knowledge.Trivia.Generate(s)!).ToArray();

        Assert.True(questions.Select(q => q.Text).Distinct().Count() >= 10);
        Assert.True(questions.Select(q => q.Id).Distinct().Count() >= 100);
        Assert.Equal([TriviaKind.Place, TriviaKind.Year, TriviaKind.Number], questions.Select(q => q.Kind).Distinct().Order());
        // Over many seeds the right answer sits in every position.
        Assert.Equal([0, 1, 2, 3], questions.Select(q => q.RightIndex).Distinct().Order());
    }

    [Fact]
    public void Place_options_are_all_places_of_the_article()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var question = knowledge.Trivia.Generate(seed, TriviaKind.Place)!;
            Assert.All(question.Options, o => Assert.Contains(o, Places));
        }
    }

    [Fact]
    public void Kinds_with_fewer_than_four_different_answers_are_skipped()
    {
        // One organisation (Caleb Mission), one family (Roh), and people who all share a name
        // with "Kim" or "Gavin": no question of these kinds could have three wrong options.
        var kinds = knowledge.Trivia.AvailableKinds();

        Assert.Equal([TriviaKind.Place, TriviaKind.Year, TriviaKind.Number], kinds.Order());
        Assert.Null(knowledge.Trivia.Generate(1, TriviaKind.Organization));
        Assert.Null(knowledge.Trivia.Generate(1, TriviaKind.Family));
        Assert.Null(knowledge.Trivia.Generate(1, TriviaKind.Person));
    }

    [Fact]
    public void A_number_the_article_has_few_of_gets_believable_variations()
    {
        var seen = new HashSet<string>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var question = knowledge.Trivia.Generate(seed, TriviaKind.Number)!;
            foreach (var option in question.Options)
                seen.Add(option);
            if (question.Answer == "1,000")
                Assert.All(question.Options, o => Assert.Matches("^[0-9],[0-9]{3}$|^[0-9]{3}$", o));
        }

        Assert.Contains("1,000", seen);
        Assert.Contains("24", seen);
        Assert.True(seen.Count > 10);
    }

    [Fact]
    public void Titles_in_quotation_marks_are_never_asked_or_offered()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var question = knowledge.Trivia.Generate(seed)!;
            Assert.DoesNotContain(question.Options, o => o.Contains("Utopia") || o.Contains("City of Joy") || o.Contains("Jesus"));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_question()
    {
        for (var seed = 0; seed < 50; seed++)
            TriviaAssert.Same(knowledge.Trivia.Generate(seed)!, knowledge.Trivia.Generate(seed)!);
    }

    [Fact]
    public void An_injected_random_gives_the_same_questions_in_the_same_order()
    {
        var first = new Random(1234);
        var second = new Random(1234);

        for (var i = 0; i < 20; i++)
            TriviaAssert.Same(knowledge.Trivia.Generate(first)!, knowledge.Trivia.Generate(second)!);
    }

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void Any_seed_makes_a_question_that_restores(int seed)
    {
        var question = knowledge.Trivia.Generate(seed)!;

        TriviaAssert.WellFormed(question, knowledge.Trivia, knowledge.AllText);
    }

    [Fact]
    public void Altered_or_invented_ids_are_rejected()
    {
        var question = knowledge.Trivia.Generate(7)!;
        var id = question.Id;
        var parts = id.Split('.');
        Assert.Equal(6, parts.Length);
        string With(int part, string value) => string.Join('.', parts.Select((p, i) => i == part ? value : p));
        string Bump(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');

        string?[] forged =
        [
            null, "", " ", "garbage", "trivia", id + ".", "." + id, id + "0", id.ToUpperInvariant(), " " + id, id + " ",
            id.Replace('.', ':'), new string('a', 500), With(0, "00000000"), With(0, Bump(parts[0])),
            With(1, (int.Parse(parts[1], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)), With(1, "0" + parts[1]), With(1, "-1"),
            With(2, (int.Parse(parts[2], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)), With(3, (int.Parse(parts[3], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)), With(3, "999"),
            With(4, parts[4] + "0"), With(4, "zzzzzzz"), With(4, "zzzzzzzz"), With(5, Bump(parts[5])), With(5, "000000"),
            string.Join('.', parts.Take(5)), string.Join('.', parts.Append("x")),
        ];
        foreach (var candidate in forged)
        {
            Assert.False(knowledge.Trivia.TryRestore(candidate, out var restored), $"'{candidate}' was accepted");
            Assert.Null(restored);
        }

        Assert.True(knowledge.Trivia.TryRestore(id, out _));
    }

    [Fact]
    public void A_different_seed_in_an_id_needs_its_own_check()
    {
        // Each seed's options and order differ, so the check of one seed does not vouch for another.
        var question = knowledge.Trivia.Generate(11)!;
        var parts = question.Id.Split('.');
        var accepted = 0;
        foreach (var seed in new[] { "0", "1", "2", "a", "b", "zz", "100" })
        {
            if (knowledge.Trivia.TryRestore(string.Join('.', parts[..4].Append(seed).Append(parts[5])), out _))
                accepted++;
        }

        Assert.True(accepted <= 1); // only if one of them is the question's own seed
    }
}
