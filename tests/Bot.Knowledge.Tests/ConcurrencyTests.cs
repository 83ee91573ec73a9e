using System.Collections.Concurrent;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>One engine serves every Discord user at once: parallel questions get the answers they would get alone.</summary>
public class ConcurrencyTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    private static readonly (string Question, string Expected)[] Questions =
    [
        ("Who directed Beyond Utopia?", "Madeleine Gavin"),
        ("What year did the director meet Pastor Kim?", "2019"),
        ("What is the name of the pastor's mission?", "Caleb Mission"),
        ("How many defectors has Caleb Mission helped?", "1,000"),
        ("Who was Pastor Kim’s wife?", "army commander"),
        ("madeline gavin", "Madeleine Gavin"),
        ("caleb misson", "Caleb Mission"),
        ("Who is the filmmaker?", "Madeleine Gavin"),
        ("Where was the Roh family found begging for help?", "Changbai Mountain"),
        ("Does the pastor pray in public?", "pray openly"),
        ("How much did the film cost to make?", ""),
        ("What is the weather in Seoul tomorrow?", ""),
    ];

    [Fact]
    public void Hundred_questions_asked_at_once_all_get_their_right_answers()
    {
        var work = Enumerable.Range(0, 100).Select(i => Questions[i % Questions.Length]).ToArray();
        var answers = new Answer?[work.Length];
        var errors = new ConcurrentQueue<Exception>();
        var next = -1;
        const int threads = 8;
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = Interlocked.Increment(ref next); i < work.Length; i = Interlocked.Increment(ref next))
            {
                try
                {
                    answers[i] = knowledge.Ask(work[i].Question);
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                }
            }
        })).ToArray();
        foreach (var w in workers)
            w.Start();
        foreach (var w in workers)
            w.Join();

        Assert.Empty(errors);
        var alone = Questions.ToDictionary(q => q.Question, q => knowledge.Ask(q.Question));
        for (var i = 0; i < work.Length; i++)
        {
            var (question, expected) = work[i];
            var answer = Assert.IsType<Answer>(answers[i]);
            if (expected.Length == 0)
                Assert.False(answer.Answered, question);
            else
                Assert.Contains(expected, answer.Sentence);
            AnswerAssert.Same(alone[question], answer);
        }
    }
}
