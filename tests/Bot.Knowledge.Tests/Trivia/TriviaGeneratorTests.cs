using System.Globalization;
using Bot.Knowledge.Tests.Summaries;
using Bot.Knowledge.Tests.Support;
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

/// <summary>Trivia over knowledge that changes, restarts, or has too little in it.</summary>
public class TriviaKnowledgeTests
{
    /// <summary>The data folder's key, as the bot keeps it across restarts.</summary>
    private static StateKey KeyOf(KnowledgeWorkspace workspace) => StateKey.LoadOrCreate(workspace.DataFolder);

    private static (KnowledgeWorkspace Workspace, OpenKnowledge Knowledge, TriviaGenerator Trivia) Open(params (string Path, string Text)[] articles)
    {
        var workspace = new KnowledgeWorkspace();
        foreach (var (path, text) in articles)
            workspace.Write(path, text);
        var knowledge = workspace.Open();
        knowledge.Sync();
        return (workspace, knowledge, new TriviaGenerator(knowledge.Store, KeyOf(workspace)));
    }

    [Fact]
    public void An_id_restores_after_a_restart_without_any_saved_state()
    {
        var (workspace, knowledge, trivia) = Open(("expedition.md", InventedKnowledge.Expedition));
        using (workspace)
        {
            var questions = Enumerable.Range(0, 30).Select(s => trivia.Generate(s)!).ToArray();
            knowledge.Dispose();

            var reopened = workspace.Open();
            reopened.Sync();
            var restarted = new TriviaGenerator(reopened.Store, KeyOf(workspace));
            foreach (var question in questions)
            {
                Assert.True(restarted.TryRestore(question.Id, out var restored));
                TriviaAssert.Same(question, restored);
            }
        }
    }

    [Fact]
    public void An_id_is_rejected_once_its_sentence_has_changed()
    {
        var (workspace, knowledge, trivia) = Open(("expedition.md", InventedKnowledge.Expedition));
        using (workspace)
        {
            var question = trivia.Generate(5, TriviaKind.Organization)!;
            Assert.Contains("Calloway Mission", InventedKnowledge.Expedition);

            var edited = InventedKnowledge.Expedition.Replace(question.Source.Text, question.Source.Text.Replace(" the ", " a "), StringComparison.Ordinal);
            Assert.NotEqual(InventedKnowledge.Expedition, edited);
            workspace.Write("expedition.md", edited);
            knowledge.Sync();

            Assert.False(trivia.TryRestore(question.Id, out _));
        }
    }

    [Fact]
    public void An_id_is_rejected_once_its_article_is_gone()
    {
        var (workspace, knowledge, trivia) = Open(("expedition.md", InventedKnowledge.Expedition), ("lighthouse.md", InventedKnowledge.Lighthouse));
        using (workspace)
        {
            var question = Enumerable.Range(0, 100).Select(s => trivia.Generate(s)!).First(q => q.Source.Passage.Path == "lighthouse.md");
            workspace.Delete("lighthouse.md");
            knowledge.Sync();

            Assert.False(trivia.TryRestore(question.Id, out _));
        }
    }

    [Fact]
    public void Knowledge_without_names_or_numbers_has_no_trivia()
    {
        var (workspace, _, trivia) = Open(("prose.md", """
            # Notes

            the river is wide and slow in the summer and fast in the spring when the snow melts.
            people come to the banks to watch the water and to talk about the weather and the boats.
            """));
        using (workspace)
        {
            Assert.Null(trivia.Generate(1));
            Assert.Empty(trivia.AvailableKinds());
        }
    }

    [Fact]
    public void Empty_knowledge_has_no_trivia()
    {
        var (workspace, _, trivia) = Open();
        using (workspace)
        {
            Assert.Null(trivia.Generate(1));
            Assert.False(trivia.TryRestore("00000000.0.0.0.0.000000", out _));
        }
    }

    [Fact]
    public void Three_places_are_too_few_for_a_place_question()
    {
        var (workspace, _, trivia) = Open(("towns.md", """
            # Towns

            The old road runs from the coast through Tessaly to the hills.
            Most travellers stop for the night in Orvan before the climb.
            The last village before the pass is near Halden, high above the valley.
            """));
        using (workspace)
        {
            Assert.Null(trivia.Generate(1));
            Assert.Null(trivia.Generate(1, TriviaKind.Place));
        }
    }

    [Fact]
    public void Four_places_make_a_place_question()
    {
        var (workspace, _, trivia) = Open(("towns.md", """
            # Towns

            The old road runs from the coast through Tessaly to the hills.
            Most travellers stop for the night in Orvan before the climb.
            The last village before the pass is near Halden, high above the valley.
            Pilgrims walk the final stretch to a shrine in Morrow every spring.
            """));
        using (workspace)
        {
            var question = trivia.Generate(1)!;
            Assert.Equal(TriviaKind.Place, question.Kind);
            Assert.Equal(["Halden", "Morrow", "Orvan", "Tessaly"], question.Options.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("The old bridge over the river holds exactly 1,500 iron rivets in its span.", "1,500")]
    [InlineData("The old bridge over the river holds exactly 24 iron rivets in its span.", "24")]
    [InlineData("The old bridge over the river carries traffic 3.5 metres above the water.", "3.5")]
    [InlineData("The old bridge over the river was finished in 1931 by a local firm.", "1931")]
    public void A_lone_number_gets_variations_of_itself(string sentence, string answer)
    {
        var (workspace, _, trivia) = Open(("bridge.md", $"# Bridge\n\n{sentence}\n"));
        using (workspace)
        {
            var texts = new HashSet<string>();
            for (var seed = 0; seed < 100; seed++)
            {
                var question = trivia.Generate(seed)!;
                Assert.Equal(answer, question.Answer);
                TriviaAssert.WellFormed(question, trivia, Summaries.KnowledgeText.Collapse(sentence));
                texts.UnionWith(question.Options);
            }

            Assert.True(texts.Count >= 6, string.Join(", ", texts));
        }
    }

    [Fact]
    public void A_sentence_that_names_its_answer_twice_is_not_asked_about_it()
    {
        var (workspace, _, trivia) = Open(("towns.md", """
            # Towns

            The ferry leaves Tessaly at dawn and is back in Tessaly by dusk.
            Most travellers stop for the night in Orvan before the climb.
            The last village before the pass is near Halden, high above the valley.
            Pilgrims walk the final stretch to a shrine in Morrow every spring.
            A small museum in Quarry Bay keeps the old ferry bell.
            """));
        using (workspace)
        {
            for (var seed = 0; seed < 200; seed++)
            {
                var question = trivia.Generate(seed)!;
                Assert.False(question.Answer == "Tessaly" && question.Source.Text.Contains("ferry leaves"));
                Assert.False(TriviaAssert.Mentions(question.Text, question.Answer));
            }
        }
    }
}
