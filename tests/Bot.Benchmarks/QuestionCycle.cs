namespace Bot.Benchmarks;

/// <summary>Questions in turn, round and round: each benchmark invocation asks the next.</summary>
internal sealed class QuestionCycle(string[] questions)
{
    private int _next;

    public string Next()
    {
        var question = questions[_next];
        _next = _next + 1 == questions.Length ? 0 : _next + 1;
        return question;
    }
}
