using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>What a user asking about the film gets back from the shipped knowledge.</summary>
public class AnsweringTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    private const string MetIn2019 = "She met Pastor Kim in 2019 in South Korea and was all in for showcasing the struggles of these ignored folks.";
    private const string ShippedSource = "Seed article supplied with the project (shared/seed/beyond-utopia-article.txt)";

    [Theory]
    [InlineData("Who was Pastor Kim's wife?")]
    [InlineData("Who was Pastor Kim’s wife?")]
    [InlineData("Who is Kim's wife?")]
    [InlineData("Who is Kim’s wife?")]
    public void Possessive_with_straight_or_curly_apostrophe_finds_the_wife(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Contains("army commander", answer.Sentence);
    }

    [Theory]
    [InlineData("Who is Pastor Kim?")]
    [InlineData("who is pastor kim")]
    [InlineData("Who is Seungeun Kim?")]
    [InlineData("Who was Pastor Kim")]
    public void Who_is_a_named_person_is_answered_with_a_description_of_them_not_a_meeting(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.NotEqual(MetIn2019, answer.Sentence);
        Assert.True(
            answer.Sentence!.Contains("Presbyterian pastor", StringComparison.Ordinal)
            || answer.Sentence.Contains("saving North Korean defectors", StringComparison.Ordinal),
            answer.Sentence);
    }

    [Theory]
    [InlineData("Who is the director of Beyond Utopia?", "Madeleine Gavin")] // a role: the answer is a name
    [InlineData("What is Caleb Mission?", "Caleb Mission")]
    public void Who_or_what_is_questions_that_are_not_about_a_name_keep_their_answers(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Contains(expected, answer.Sentence);
    }

    [Fact]
    public void Straight_and_curly_apostrophes_give_the_same_answer()
    {
        var straight = knowledge.Ask("What is Kim's mission called?");
        var curly = knowledge.Ask("What is Kim’s mission called?");

        Assert.Contains("Caleb Mission", straight.Sentence);
        Assert.Equal(straight.Sentence, curly.Sentence);
        Assert.Equal(straight.Passages.Select(p => p.Passage.Id), curly.Passages.Select(p => p.Passage.Id));
    }

    [Theory]
    [InlineData("Who prays openly?", "pray openly")] // prays ~ pray
    [InlineData("Who rescued the Roh family?", "Pastor Kim’s rescues")] // rescued ~ rescues
    [InlineData("How many defectors escaped?", "1,000")] // defectors escaped ~ defectors escape
    [InlineData("What does the documentary capture?", "captures Pastor Kim’s rescues")] // capture ~ captures
    public void Other_forms_of_a_word_find_the_article_wording(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered, $"{question} was not answered ({answer.Abstention})");
        Assert.Contains(expected, answer.Sentence);
    }

    [Theory]
    [InlineData("Who is the filmmaker?")]
    [InlineData("Who was the filmmaker?")]
    public void Filmmaker_finds_the_director_madeleine_gavin(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Contains("Madeleine Gavin", answer.Sentence);
    }

    [Theory]
    [InlineData("What does the movie remind viewers of?", "unseen struggles")]
    [InlineData("Is the movie on Amazon Prime?", "Amazon Prime")]
    public void Movie_finds_what_the_article_says_of_the_documentary(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Contains(expected, answer.Sentence);
        var top = answer.Passages[0];
        Assert.Contains("documentary", top.Matches.Select(m => top.Passage.Text.Substring(m.Start, m.Length)));
    }

    [Theory]
    [InlineData("madeline gavin", "Madeleine Gavin")]
    [InlineData("Who is Madeline Gavin?", "Madeleine Gavin")]
    [InlineData("madelaine gavin", "Madeleine Gavin")]
    [InlineData("caleb misson", "Caleb Mission")]
    [InlineData("What is the Caleb Mision?", "Caleb Mission")]
    [InlineData("Who is Seungun Kim?", "Seungeun Kim")]
    public void Misspelt_name_still_finds_the_person_or_mission(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered, $"{question} was not answered ({answer.Abstention})");
        Assert.Contains(expected, answer.Sentence);
    }

    [Fact]
    public void Misspelt_name_is_highlighted_where_the_right_spelling_stands()
    {
        var answer = knowledge.Ask("madeline gavin");

        var top = answer.Passages[0];
        var highlighted = top.Matches.Select(m => top.Passage.Text.Substring(m.Start, m.Length)).ToArray();
        Assert.Contains("Madeleine", highlighted);
        Assert.Contains("Gavin", highlighted);
    }

    [Fact]
    public void What_year_question_answers_with_the_sentence_holding_the_year()
    {
        var answer = knowledge.Ask("What year did the director meet Pastor Kim?");

        Assert.True(answer.Answered);
        // The sentence opens with "She": the answer names her (PronounSubject).
        Assert.Equal(MetIn2019 + " (She: Madeleine Gavin)", answer.Sentence);
    }

    [Fact]
    public void Answer_sentence_is_marked_inside_the_first_passage()
    {
        var answer = knowledge.Ask("What year did the director meet Pastor Kim?");

        var first = answer.Passages[0];
        var span = Assert.NotNull(first.AnswerSpan);
        Assert.Equal(MetIn2019, first.Passage.Text.Substring(span.Start, span.Length));
        Assert.Equal(MetIn2019 + " (She: Madeleine Gavin)", answer.Sentence);
        Assert.All(answer.Passages.Skip(1), p => Assert.Null(p.AnswerSpan));
    }

    [Theory]
    [InlineData("Who directed Beyond Utopia?", "Madeleine Gavin")]
    [InlineData("How many defectors has Caleb Mission helped?", "1,000")]
    [InlineData("Where was the Roh family found begging for help?", "Changbai Mountain")]
    [InlineData("Does the pastor pray in public?", "pray openly")]
    [InlineData("whos the pastor", "Seungeun Kim")]
    public void Question_is_answered_with_the_sentence_that_says_it(string question, string expected)
    {
        var answer = knowledge.Ask(question);

        Assert.True(answer.Answered, $"{question} was not answered ({answer.Abstention})");
        Assert.Contains(expected, answer.Sentence);
    }

    [Theory]
    [InlineData("How much did the film cost to make?")]
    [InlineData("What is the weather in Seoul tomorrow?")]
    [InlineData("Who composed the soundtrack?")]
    [InlineData("Who is the lead singer of BTS?")]
    public void Question_the_knowledge_does_not_answer_gets_no_answer_and_no_passages(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.False(answer.Answered);
        Assert.Equal("", answer.Sentence);
        Assert.Empty(answer.Passages);
        Assert.NotNull(answer.Abstention);
    }

    [Fact]
    public void At_most_five_passages_come_back_each_with_its_source_and_section()
    {
        var answer = knowledge.Ask("Who directed Beyond Utopia?");

        Assert.InRange(answer.Passages.Count, 1, 5);
        Assert.Equal(answer.Passages.Count, answer.Passages.Select(p => p.Passage.Id).Distinct().Count());
        Assert.All(answer.Passages, p =>
        {
            Assert.Equal(ShippedSource, p.Passage.Source);
            Assert.Equal("beyond-utopia-article.md", p.Passage.Path);
            Assert.Equal("Meet Pastor Kim Saving North Korean Defectors", p.Passage.Title);
        });
        Assert.Equal("Behind the Scenes with the Director", answer.Passages[0].Passage.Section);
        Assert.Contains(answer.Sentence, answer.Passages[0].Passage.Text);
    }

    [Fact]
    public void Fewer_passages_can_be_asked_for()
    {
        var answer = knowledge.Engine.Ask("Where did Pastor Kim rescue the Roh family?", passages: 2);

        Assert.True(answer.Answered);
        Assert.InRange(answer.Passages.Count, 1, 2);
    }

    [Fact]
    public void Passages_after_the_first_are_in_order_of_score()
    {
        var answer = knowledge.Ask("What guides the pastor in his rescues?");

        var rest = answer.Passages.Skip(1).Select(p => p.Score).ToArray();
        Assert.Equal(rest.OrderByDescending(s => s), rest);
    }
}

/// <summary>Messages the way people type them: chatter around the question, thanks, a year where a count is asked.</summary>
public class ConversationalQuestionTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    [Fact]
    public void Chatter_before_the_question_does_not_change_the_answer()
    {
        var plain = knowledge.Ask("Who directed Beyond Utopia?");
        var chatty = knowledge.Ask("I watched a documentary last night with my family and we really enjoyed it. Who directed Beyond Utopia?");

        Assert.True(chatty.Answered);
        Assert.Equal(plain.Sentence, chatty.Sentence);
        Assert.Contains("Madeleine Gavin", chatty.Sentence);
    }

    [Fact]
    public void Please_and_thanks_do_not_make_the_bot_give_up()
    {
        var answer = knowledge.Ask("Hi! Please tell me who runs Caleb Mission, thanks");

        Assert.True(answer.Answered);
        Assert.Contains("Caleb Mission", answer.Sentence);
    }

    [Fact]
    public void A_year_is_not_taken_for_a_count()
    {
        var answer = knowledge.Ask("How many defectors has Pastor Kim saved?");

        // Words only, the fitted scorer is not sure enough to answer this one (docs/RETRIEVAL.md);
        // what it must never do is answer a count with the sentence holding a year.
        Assert.DoesNotContain("2019", answer.Sentence);
        if (answer.Answered)
            Assert.Contains("1,000", answer.Sentence);
    }
}
