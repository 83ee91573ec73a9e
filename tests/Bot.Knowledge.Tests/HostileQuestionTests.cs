using Bot.Knowledge.Answering;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// Whatever a Discord user types, the bot answers or says it does not know: query syntax,
/// broken Unicode and walls of text never throw, and junk around a question does not change it.
/// </summary>
public class HostileQuestionTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    private const string Question = "Who directed Beyond Utopia?";

    public static TheoryData<string> Junk =>
    [
        "AND (", "\"", "*:*", ")", "[", "]", "\\", "^", "~", "OR NOT", "{!}", "-", "+", "&&", "||", "?", ":", "!",
        "😀", "\0", "\uD800", "\u202E", "\u200B", "\t\r\n",
    ];

    [Theory]
    [InlineData("AND (")]
    [InlineData("\"unclosed")]
    [InlineData("*:*")]
    [InlineData("title:x~")]
    [InlineData("😀🎬🍿")]
    [InlineData("김성은 목사는 누구인가요?")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData(") [ \\ ^ ~ * ? : ! { } / \" ' ( ]")]
    [InlineData("\0")]
    [InlineData("\uD800")]
    [InlineData("<script>alert(1)</script>")]
    public void Junk_alone_gets_no_answer_and_no_passages(string question)
    {
        var answer = knowledge.Ask(question);

        Assert.False(answer.Answered);
        AnswerAssert.WellFormed(answer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀🎬🍿")]
    public void Empty_question_is_reported_as_empty(string question)
    {
        Assert.Equal(Abstention.EmptyQuestion, knowledge.Ask(question).Abstention);
    }

    [Theory]
    [MemberData(nameof(Junk))]
    public void Junk_after_the_question_gives_the_same_answer(string junk)
    {
        var clean = knowledge.Ask(Question);

        var answer = knowledge.Ask($"{Question} {junk}");

        Assert.Contains("Madeleine Gavin", clean.Sentence);
        AnswerAssert.Same(clean, answer);
    }

    [Theory]
    [MemberData(nameof(Junk))]
    public void Junk_before_the_question_gives_the_same_answer(string junk)
    {
        var clean = knowledge.Ask(Question);

        var answer = knowledge.Ask($"{junk} {Question}");

        AnswerAssert.Same(clean, answer);
    }

    [Fact]
    public void Query_syntax_inside_the_question_is_read_as_words()
    {
        var answer = knowledge.Ask("Who is the director) [of] \"Beyond\\Utopia^?");

        Assert.True(answer.Answered);
        Assert.Contains("Madeleine Gavin", answer.Sentence);
    }

    [Fact]
    public void The_question_repeated_to_6000_characters_gives_the_same_answer()
    {
        var wall = string.Join(" ", Enumerable.Repeat(Question, 6000 / (Question.Length + 1) + 1));
        Assert.True(wall.Length >= 6000);

        AnswerAssert.Same(knowledge.Ask(Question), knowledge.Ask(wall));
    }

    [Fact]
    public void A_6000_character_wall_of_words_never_throws()
    {
        var random = new Random(42);
        var words = Enumerable.Range(0, 1500)
            .Select(_ => new string(Enumerable.Range(0, random.Next(2, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        var wall = string.Join(' ', words)[..6000];

        var answer = knowledge.Ask(wall);

        AnswerAssert.WellFormed(answer);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('(')]
    [InlineData('"')]
    [InlineData('*')]
    public void A_6000_character_run_of_one_character_gets_no_answer(char c)
    {
        var answer = knowledge.Ask(new string(c, 6000));

        Assert.False(answer.Answered);
        AnswerAssert.WellFormed(answer);
    }

    [Fact]
    public void A_question_in_korean_is_not_answered_with_something_unrelated()
    {
        var answer = knowledge.Ask("김성은 목사는 누구인가요?");

        Assert.False(answer.Answered);
        Assert.Empty(answer.Passages);
    }
}
