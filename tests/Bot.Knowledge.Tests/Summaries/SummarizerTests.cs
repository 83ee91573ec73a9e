using Bot.Knowledge.Summaries;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests.Summaries;

/// <summary>What a moderator gets from a summary of the shipped knowledge, or of one subject of it.</summary>
public class ShippedSummaryTests(ShippedKnowledgeFolder knowledge) : IClassFixture<ShippedKnowledgeFolder>
{
    [Fact]
    public void Whole_knowledge_gives_the_default_number_of_sentences()
    {
        var summary = knowledge.Summarizer.Summarize();

        Assert.Equal(SummaryStatus.Summarized, summary.Status);
        Assert.Null(summary.Topic);
        Assert.Equal(Summarizer.DefaultSentences, summary.Sentences.Count);
        SummaryAssert.WellFormed(summary, knowledge.AllText);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Asking_for_three_to_six_sentences_gives_that_many(int count)
    {
        var summary = knowledge.Summarizer.Summarize(sentences: count);

        Assert.Equal(count, summary.Sentences.Count);
        SummaryAssert.WellFormed(summary, knowledge.AllText);
    }

    [Fact]
    public void More_sentences_keep_the_ones_fewer_chose()
    {
        var three = knowledge.Summarizer.Summarize(sentences: 3).Sentences.Select(s => s.Text);
        var six = knowledge.Summarizer.Summarize(sentences: 6).Sentences.Select(s => s.Text);

        Assert.Subset(six.ToHashSet(), three.ToHashSet());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_topic_summarises_everything(string? topic)
    {
        var summary = knowledge.Summarizer.Summarize(topic);

        Assert.Null(summary.Topic);
        Assert.Equal(knowledge.Summarizer.Summarize().Sentences, summary.Sentences);
    }

    [Fact]
    public void The_same_request_gives_the_same_summary()
    {
        Assert.Equal(knowledge.Summarizer.Summarize("Kim").Sentences, knowledge.Summarizer.Summarize("Kim").Sentences);
        Assert.Equal(knowledge.Summarizer.Summarize().Sentences, knowledge.Summarizer.Summarize().Sentences);
    }

    [Fact]
    public void Very_short_sentences_are_left_out_of_a_summary()
    {
        var summary = knowledge.Summarizer.Summarize(sentences: 6);

        Assert.DoesNotContain(summary.Sentences, s => s.Text.Split(' ').Length < 5);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(120)]
    [InlineData(200)]
    [InlineData(300)]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(4096)]
    public void A_summary_fits_its_character_budget_without_cutting_a_sentence(int budget)
    {
        foreach (var topic in new[] { null, "Kim", "Laos", "faith" })
        {
            var summary = knowledge.Summarizer.Summarize(topic, sentences: 6, maxCharacters: budget);
            SummaryAssert.WellFormed(summary, knowledge.AllText, budget);
        }
    }

    [Fact]
    public void A_tight_budget_gives_fewer_sentences_rather_than_shorter_ones()
    {
        var full = knowledge.Summarizer.Summarize(sentences: 6);
        var budget = full.Text.Length / 2;

        var tight = knowledge.Summarizer.Summarize(sentences: 6, maxCharacters: budget);

        Assert.Equal(SummaryStatus.Summarized, tight.Status);
        Assert.InRange(tight.Sentences.Count, 1, full.Sentences.Count - 1);
        SummaryAssert.WellFormed(tight, knowledge.AllText, budget);
    }

    [Fact]
    public void The_caller_s_markup_around_each_sentence_counts_against_the_budget()
    {
        const int overhead = 40; // "> " before, " — [Title > Section](link)" after
        var summary = knowledge.Summarizer.Summarize(sentences: 6, maxCharacters: 600, overheadPerSentence: overhead);

        Assert.NotEmpty(summary.Sentences);
        SummaryAssert.WellFormed(summary, knowledge.AllText, 600, overhead);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Kim")]
    public void A_budget_smaller_than_any_sentence_says_so(string? topic)
    {
        var summary = knowledge.Summarizer.Summarize(topic, maxCharacters: 12);

        Assert.Equal(SummaryStatus.BudgetTooSmall, summary.Status);
        Assert.True(summary.IsEmpty);
        Assert.Equal("", summary.Text);
    }

    [Theory]
    [InlineData("Gavin", "Gavin")]
    [InlineData("Madeleine Gavin", "Gavin")]
    [InlineData("gavin", "Gavin")]
    [InlineData("Laos", "Laos")]
    [InlineData("faith", "faith|belief")] // synonyms.txt: belief, beliefs, faith
    [InlineData("Roh family", "Roh")]
    [InlineData("Caleb Mission", "Caleb Mission")]
    [InlineData("North Korea", "North Korea")]
    [InlineData("Gavinn", "Gavin")] // a near spelling
    public void A_topic_s_summary_holds_only_sentences_about_it(string topic, string mentioned)
    {
        var summary = knowledge.Summarizer.Summarize(topic, sentences: 6);

        Assert.Equal(SummaryStatus.Summarized, summary.Status);
        Assert.Equal(topic, summary.Topic);
        SummaryAssert.WellFormed(summary, knowledge.AllText);
        Assert.All(summary.Sentences, s => Assert.True(
            mentioned.Split('|').Any(m => s.Text.Contains(m, StringComparison.OrdinalIgnoreCase) || s.Passage.Section.Contains(m, StringComparison.OrdinalIgnoreCase)),
            $"'{s.Text}' ({s.Citation}) is not about {topic}"));
    }

    [Fact]
    public void A_topic_mentioned_often_gets_several_sentences()
    {
        var summary = knowledge.Summarizer.Summarize("Pastor Kim", sentences: 5);

        Assert.Equal(5, summary.Sentences.Count);
        Assert.All(summary.Sentences, s => Assert.Contains("Kim", s.Text + s.Passage.Section, StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_of_a_name_inside_another_name_does_not_count()
    {
        // "South Korea" and "North Korean" are not North Korea.
        var summary = knowledge.Summarizer.Summarize("North Korea", sentences: 6);

        Assert.NotEmpty(summary.Sentences);
        Assert.All(summary.Sentences, s => Assert.Contains("North Korea ", s.Text.Replace(",", " ").Replace(".", " "), StringComparison.Ordinal));
        Assert.DoesNotContain(knowledge.Summarizer.Summarize("South Korea", sentences: 6).Sentences, s => s.Text.Contains("North Korea", StringComparison.Ordinal) && !s.Text.Contains("South Korea", StringComparison.Ordinal));
    }

    [Fact]
    public void A_topic_is_found_through_the_synonym_file()
    {
        // synonyms.txt: film, movie, documentary, doc
        var summary = knowledge.Summarizer.Summarize("movie", sentences: 6);

        Assert.Equal(SummaryStatus.Summarized, summary.Status);
        string[] words = ["film", "movie", "documentary", "doc"];
        Assert.All(summary.Sentences, s => Assert.Contains(
            words,
            w => s.Text.Contains(w, StringComparison.OrdinalIgnoreCase) || s.Passage.Section.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_section_heading_brings_its_sentences_into_a_topic()
    {
        // "Behind the Scenes with the Director": its second sentence says "She", not "director".
        var summary = knowledge.Summarizer.Summarize("director", sentences: 6);

        Assert.Contains(summary.Sentences, s => s.Passage.Section.Contains("Director", StringComparison.Ordinal) && !s.Text.Contains("director", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Paris")]
    [InlineData("Paris nightlife")]
    [InlineData("quantum chromodynamics")]
    [InlineData("zzzz")]
    [InlineData("the")]
    [InlineData("?!")]
    [InlineData("Who is it?")]
    [InlineData("Kim in Paris")]
    [InlineData("Pastor Kim's childhood")]
    public void A_topic_the_knowledge_does_not_mention_gives_nothing(string topic)
    {
        var summary = knowledge.Summarizer.Summarize(topic);

        Assert.Equal(SummaryStatus.TopicNotFound, summary.Status);
        Assert.True(summary.IsEmpty);
        Assert.Empty(summary.Sources);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(0)]
    public void Sentence_counts_outside_three_to_six_are_a_programming_error(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => knowledge.Summarizer.Summarize(sentences: count));
    }

    [Fact]
    public void A_budget_or_overhead_that_cannot_be_met_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => knowledge.Summarizer.Summarize(maxCharacters: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => knowledge.Summarizer.Summarize(overheadPerSentence: -1));
    }
}

/// <summary>Summaries of knowledge someone else wrote: two invented articles with nothing of the film in them.</summary>
public class InventedSummaryTests(InventedKnowledgeFolder knowledge) : IClassFixture<InventedKnowledgeFolder>
{
    [Fact]
    public void Whole_knowledge_summary_covers_both_articles()
    {
        var summary = knowledge.Summarizer.Summarize(sentences: 6);

        Assert.Equal(6, summary.Sentences.Count);
        SummaryAssert.WellFormed(summary, knowledge.AllText);
        Assert.Equal(["expedition.md", "lighthouse.md"], summary.Sentences.Select(s => s.Passage.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_length_is_well_formed(int count)
    {
        var summary = knowledge.Summarizer.Summarize(sentences: count);

        Assert.Equal(count, summary.Sentences.Count);
        SummaryAssert.WellFormed(summary, knowledge.AllText);
    }

    [Fact]
    public void A_sentence_both_articles_hold_appears_once()
    {
        foreach (var topic in new[] { "freezes", "winter", "river" })
        {
            var summary = knowledge.Summarizer.Summarize(topic, sentences: 6);
            Assert.True(summary.Sentences.Count(s => s.Text == InventedKnowledge.SharedSentence) <= 1);
            SummaryAssert.WellFormed(summary, knowledge.AllText);
        }

        Assert.Single(knowledge.Summarizer.Summarize("freezes").Sentences);
    }

    [Fact]
    public void Two_sentences_saying_the_same_thing_are_never_both_chosen()
    {
        foreach (var topic in new[] { "kilometres", "record", "expedition", "1,240 kilometres record" })
        {
            var summary = knowledge.Summarizer.Summarize(topic, sentences: 6);
            Assert.True(summary.Sentences.Count(s => InventedKnowledge.NearDuplicates.Contains(s.Text)) <= 1, topic);
            SummaryAssert.WellFormed(summary, knowledge.AllText);
        }

        Assert.Single(knowledge.Summarizer.Summarize("kilometres").Sentences);
    }

    [Theory]
    [InlineData("Okafor", "Okafor")]
    [InlineData("Tessaly", "Tessaly")]
    [InlineData("Calloway Bay", "Calloway")]
    [InlineData("keeper", "keeper")]
    [InlineData("Lindqvist family", "Lindqvist")]
    [InlineData("Amberly Geographic Society", "Amberly")]
    public void A_topic_s_summary_holds_only_sentences_about_it(string topic, string mentioned)
    {
        var summary = knowledge.Summarizer.Summarize(topic, sentences: 6);

        Assert.Equal(SummaryStatus.Summarized, summary.Status);
        SummaryAssert.WellFormed(summary, knowledge.AllText);
        Assert.All(summary.Sentences, s => Assert.True(
            s.Text.Contains(mentioned, StringComparison.OrdinalIgnoreCase) || s.Passage.Section.Contains(mentioned, StringComparison.OrdinalIgnoreCase),
            $"'{s.Text}' is not about {topic}"));
    }

    [Fact]
    public void A_topic_mentioned_twice_gives_two_sentences()
    {
        var summary = knowledge.Summarizer.Summarize("Okafor");

        Assert.Equal(2, summary.Sentences.Count);
        Assert.Equal(SummaryStatus.Summarized, summary.Status);
    }

    [Fact]
    public void A_topic_only_a_title_names_summarises_that_article()
    {
        // "Heron" is only in the title of the lighthouse article, never in its sentences.
        var summary = knowledge.Summarizer.Summarize("heron", sentences: 4);

        Assert.Equal(4, summary.Sentences.Count);
        Assert.All(summary.Sentences, s => Assert.Equal("lighthouse.md", s.Passage.Path));
        SummaryAssert.WellFormed(summary, knowledge.AllText);
    }

    [Theory]
    [InlineData("Beyond Utopia")]
    [InlineData("Pastor Kim")]
    [InlineData("Laos")]
    public void The_film_is_unknown_to_knowledge_that_never_mentions_it(string topic)
    {
        Assert.Equal(SummaryStatus.TopicNotFound, knowledge.Summarizer.Summarize(topic).Status);
    }

    [Fact]
    public void Citations_name_title_and_section()
    {
        var summary = knowledge.Summarizer.Summarize("Agnes Thorne");

        var sentence = Assert.Single(summary.Sentences);
        Assert.Equal("The Grey Heron Lighthouse > Keepers", sentence.Citation);
        Assert.Equal("lighthouse.md", sentence.Passage.Path);
        Assert.Equal(1, sentence.Passage.Ordinal);
        Assert.Equal(0, sentence.Position);
        Assert.Equal("Invented for tests", sentence.Passage.Source);
    }
}

/// <summary>Summaries follow the knowledge folder as it changes.</summary>
public class SummaryKnowledgeChangeTests
{
    [Fact]
    public void Empty_knowledge_has_nothing_to_summarise()
    {
        using var workspace = new KnowledgeWorkspace();
        var knowledge = workspace.Open();
        knowledge.Sync();
        var summarizer = new Summarizer(knowledge.Store);

        Assert.Equal(SummaryStatus.EmptyKnowledge, summarizer.Summarize().Status);
        Assert.Equal(SummaryStatus.EmptyKnowledge, summarizer.Summarize("river").Status);
    }

    [Fact]
    public void An_article_added_later_is_summarised_after_the_next_sync()
    {
        using var workspace = new KnowledgeWorkspace();
        workspace.Write("expedition.md", InventedKnowledge.Expedition);
        var knowledge = workspace.Open();
        knowledge.Sync();
        var summarizer = new Summarizer(knowledge.Store);
        Assert.Equal(SummaryStatus.TopicNotFound, summarizer.Summarize("Agnes Thorne").Status);

        workspace.Write("lighthouse.md", InventedKnowledge.Lighthouse);
        knowledge.Sync();

        var summary = summarizer.Summarize("Agnes Thorne");
        Assert.Equal("lighthouse.md", Assert.Single(summary.Sentences).Passage.Path);
    }

    [Fact]
    public void An_article_of_few_sentences_gives_what_it_has()
    {
        using var workspace = new KnowledgeWorkspace();
        workspace.Write("short.md", "# Ferry\n\nThe ferry to Orvan leaves every morning at seven. It carries twelve passengers and their bicycles.\n");
        var knowledge = workspace.Open();
        knowledge.Sync();

        var summary = new Summarizer(knowledge.Store).Summarize();

        Assert.Equal(2, summary.Sentences.Count);
        SummaryAssert.WellFormed(summary, KnowledgeText.Of(workspace.KnowledgeFolder));
    }
}
