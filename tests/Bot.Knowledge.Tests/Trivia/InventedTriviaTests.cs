using System.Globalization;
using Bot.Knowledge.Tests.Summaries;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Trivia;

/// <summary>Trivia from knowledge someone else wrote: every kind of answer, and nothing of the film.</summary>
public class InventedTriviaTests(InventedKnowledgeFolder knowledge) : IClassFixture<InventedKnowledgeFolder>
{
    private const int Seeds = 500;

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
    public void Every_kind_is_asked()
    {
        var kinds = Enumerable.Range(0, Seeds).Select(s => knowledge.Trivia.Generate(s)!.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<TriviaKind>().ToHashSet(), kinds);
        Assert.Equal(Enum.GetValues<TriviaKind>().ToHashSet(), knowledge.Trivia.AvailableKinds().ToHashSet());
    }

    [Theory]
    [InlineData(TriviaKind.Person)]
    [InlineData(TriviaKind.Family)]
    [InlineData(TriviaKind.Place)]
    [InlineData(TriviaKind.Organization)]
    public void Options_of_a_name_are_all_names_of_that_kind(TriviaKind kind)
    {
        var names = InventedKnowledge.Names[kind];
        for (var seed = 0; seed < 200; seed++)
        {
            var question = knowledge.Trivia.Generate(seed, kind)!;
            Assert.Equal(kind, question.Kind);
            Assert.All(question.Options, o => Assert.Contains(o, names));
            TriviaAssert.WellFormed(question, knowledge.Trivia, knowledge.AllText);
        }
    }

    [Theory]
    [InlineData(TriviaKind.Year)]
    [InlineData(TriviaKind.Number)]
    public void Options_of_a_number_are_numbers_of_that_kind(TriviaKind kind)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var question = knowledge.Trivia.Generate(seed, kind)!;
            Assert.Equal(kind, question.Kind);
            TriviaAssert.WellFormed(question, knowledge.Trivia, knowledge.AllText);
        }
    }

    [Fact]
    public void Years_are_the_knowledge_s_own_years_or_a_few_years_off()
    {
        string[] years = ["1987", "1988", "1994", "2003", "2011", "1871", "1872", "1903", "1986", "1913"];
        for (var seed = 0; seed < 200; seed++)
        {
            var question = knowledge.Trivia.Generate(seed, TriviaKind.Year)!;
            var answer = int.Parse(question.Answer, CultureInfo.InvariantCulture);
            Assert.All(question.Options, o => Assert.True(years.Contains(o) || Math.Abs(int.Parse(o, CultureInfo.InvariantCulture) - answer) <= 10, o));
            Assert.True(question.Options.Count(years.Contains) >= 2, string.Join(", ", question.Options));
        }
    }

    [Fact]
    public void A_person_s_other_names_are_never_offered_against_them()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var question = knowledge.Trivia.Generate(seed, TriviaKind.Person)!;
            var answer = question.Answer.Replace("Dr. ", "").Replace("Captain ", "").Split(' ');
            Assert.All(question.Options.Where((_, i) => i != question.RightIndex), o => Assert.DoesNotContain(o.Split(' ').Last(), answer));
        }
    }

    [Fact]
    public void Ids_of_other_knowledge_are_rejected()
    {
        using var shipped = new ShippedKnowledgeFolder();
        var foreign = shipped.Trivia.Generate(3)!;

        Assert.False(knowledge.Trivia.TryRestore(foreign.Id, out _));
    }
}
