using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Tests.Support;

internal static class AnswerAssert
{
    /// <summary>An answer the bot can show: a sentence from its first passage, or a clean "don't know".</summary>
    public static void WellFormed(Answer answer)
    {
        if (answer.Answered)
        {
            Assert.NotEqual("", answer.Sentence);
            Assert.InRange(answer.Passages.Count, 1, 5);
            var span = Assert.NotNull(answer.Passages[0].AnswerSpan);
            Assert.Equal(answer.Sentence, answer.Passages[0].Passage.Text.Substring(span.Start, span.Length));
            Assert.Null(answer.Abstention);
        }
        else
        {
            Assert.Equal("", answer.Sentence);
            Assert.Empty(answer.Passages);
            Assert.NotNull(answer.Abstention);
        }
    }

    /// <summary>Same sentence from the same passages: to the user, the same answer.</summary>
    public static void Same(Answer expected, Answer actual)
    {
        Assert.Equal(expected.Answered, actual.Answered);
        Assert.Equal(expected.Sentence, actual.Sentence);
        Assert.Equal(expected.Passages.Select(p => p.Passage.Id), actual.Passages.Select(p => p.Passage.Id));
    }

    public static string Texts(Answer answer) => string.Join("\n", answer.Passages.Select(p => p.Passage.Text));
}
