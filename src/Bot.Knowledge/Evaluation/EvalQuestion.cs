using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Evaluation;

/// <summary>One line of a question set: the format of <c>shared/eval/dev-questions.jsonl</c>.</summary>
/// <param name="Kind"><c>in</c> when the knowledge answers it, <c>out</c> when the bot should say it does not know.</param>
/// <param name="Expect">Phrases of which one must appear in the answer.</param>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("expect")] IReadOnlyList<string> Expect,
    [property: JsonPropertyName("kind")] string Kind)
{
    public bool InScope => Kind == "in";

    /// <summary>Reads a JSON-lines question set; a bad line fails with its number.</summary>
    public static IReadOnlyList<EvalQuestion> Load(string path)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            EvalQuestion? q;
            try
            {
                q = JsonSerializer.Deserialize(line, EvalJsonContext.Default.EvalQuestion);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path} line {number} is not a question object: {e.Message}");
            }

            if (q is null || string.IsNullOrWhiteSpace(q.Question) || q.Kind is not ("in" or "out"))
                throw new FormatException($"{path} line {number} needs \"question\" and \"kind\" (\"in\" or \"out\")");
            questions.Add(q with { Expect = q.Expect ?? [] });
        }

        return questions;
    }
}

[JsonSerializable(typeof(EvalQuestion))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
