using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Fitting;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>
/// The memory of fitted questions: a new question near a remembered one is evidence for the unit
/// that answered it; a training question never sees itself; a memory of another sentence model,
/// or one written to the model file and read back, behaves as documented.
/// </summary>
public sealed class AnswerMemoryTests
{
    private static readonly int Column = AnswerFeatures.MemoryColumn;
    private static int At(string name) => Column + AnswerMemory.Names.ToList().IndexOf(name);

    [Fact]
    public void A_question_near_a_remembered_one_points_to_the_unit_that_answered_it()
    {
        var memory = new AnswerMemory(
        [
            new AnswerMemory.Entry(Unit(0), ["stream", "watch"], true, ["u-streaming"]),
            new AnswerMemory.Entry(Unit(1), ["direct", "film"], true, ["u-director"]),
            new AnswerMemory.Entry(Unit(2), ["budget"], false, []),
        ]);
        var rows = new[] { Row(), Row() };

        memory.Fill(rows, Mix(0, 1, 0.9f), ["watch", "where"], ["u-streaming", "u-director"], Column);

        Assert.True(rows[0][At("mem_vote")] > 0.9f, "the streaming unit should get nearly all the vote");
        Assert.True(rows[0][At("mem_unit")] > rows[1][At("mem_unit")]);
        Assert.True(rows[0][At("mem_lex_unit")] > 0 && rows[1][At("mem_lex_unit")] == 0, "only the streaming question shares a word");
        Assert.Equal(rows[0][At("mem_in")], rows[1][At("mem_in")]);
        Assert.True(rows[0][At("mem_out")] < 0.1f, "the out-of-scope question is far off");
    }

    [Fact]
    public void A_question_near_an_unanswerable_one_says_so_and_votes_for_no_unit()
    {
        var memory = new AnswerMemory(
        [
            new AnswerMemory.Entry(Unit(0), ["stream"], true, ["u-streaming"]),
            new AnswerMemory.Entry(Unit(2), ["budget"], false, []),
        ]);
        var rows = new[] { Row() };

        memory.Fill(rows, Unit(2), ["budget"], ["u-streaming"], Column);

        Assert.True(rows[0][At("mem_out")] > 0.99f);
        Assert.True(rows[0][At("mem_vote")] < 0.01f);
    }

    [Fact]
    public void Without_a_vector_or_with_an_empty_memory_the_columns_are_zero()
    {
        var rows = new[] { Row(fill: 7) };

        new AnswerMemory([new AnswerMemory.Entry(Unit(0), ["x"], true, ["u"])]).Fill(rows, null, ["x"], ["u"], Column);
        Assert.All(rows[0].Skip(Column), v => Assert.Equal(0, v));

        rows[0][Column] = 7;
        AnswerMemory.Empty.Fill(rows, Unit(0), ["x"], ["u"], Column);
        Assert.All(rows[0].Skip(Column), v => Assert.Equal(0, v));
    }

    [Fact]
    public void In_fitting_a_training_question_never_remembers_itself_or_its_wording()
    {
        // Two wordings of one question (same key) and an unrelated one: if a training question could
        // see itself, its memory would always name its answer and the ranker would learn to trust it.
        var same1 = Question("s1", "Who made it?", Unit(0), "u-a");
        var same2 = Question("s2", "who  made it?", Unit(0), "u-a");
        var other = Question("o", "Where is it?", Unit(1), "u-b");

        var (training, held) = ScorerFitting.Remember([same1, same2, other], [Question("h", "Who made the film?", Unit(0), "u-a")]);

        Assert.All(training.Take(2), q => Assert.Equal(0, q.Rows[0][At("mem_unit")]));
        Assert.Equal(1f, held[0].Rows[0][At("mem_unit")], 3);
        Assert.Equal(0f, same1.Rows[0][At("mem_unit")]);
    }

    [Fact]
    public void The_memory_written_to_the_model_file_loads_with_the_same_entries()
    {
        var vector = Mix(0, 1, 0.5f);
        var file = new MemoryFile("model-x", [new MemoryQuestion("set", "q1", "Who made it?", true, ["make"], ["u-a"], MemoryFile.Encode(vector))]);

        var memory = file.ToMemory();

        Assert.Equal("model-x", memory.ModelId);
        Assert.Equal(vector, memory.Entries[0].Vector);
        Assert.Equal(["u-a"], memory.Entries[0].Units);
        Assert.Equal(["make"], memory.Entries[0].Terms);
    }

    [Fact]
    public void Unit_keys_depend_on_the_text_only()
    {
        Assert.Equal(AnswerMemory.UnitKey("He runs it."), AnswerMemory.UnitKey(" He runs it. "));
        Assert.NotEqual(AnswerMemory.UnitKey("He runs it."), AnswerMemory.UnitKey("She runs it."));
    }

    private static FitQuestion Question(string id, string text, float[] vector, string unit) =>
        new("set", new EvalQuestion(id, text, ["x"], "in"), ["unit text"], [Row()], [true])
        {
            Vector = vector,
            Terms = [],
            UnitKeys = [unit],
        };

    private static float[] Row(float fill = 0) => Enumerable.Repeat(fill, AnswerFeatures.Names.Count).ToArray();

    private static float[] Unit(int axis)
    {
        var v = new float[4];
        v[axis] = 1;
        return v;
    }

    /// <summary>A unit vector mostly along <paramref name="a"/>, a little along <paramref name="b"/>.</summary>
    private static float[] Mix(int a, int b, float weight)
    {
        var v = new float[4];
        v[a] = weight;
        v[b] = MathF.Sqrt(1 - weight * weight);
        return v;
    }
}
