using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary>
/// One line of <c>ask --json</c>: the format <c>shared/eval/score.py</c> reads. Fields are only
/// ever added, never renamed.
/// </summary>
internal sealed record AnswerLine(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("passages")] IReadOnlyList<PassageLine> Passages,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("similarity")] double Similarity,
    [property: JsonPropertyName("confidence")] double Confidence)
{
    /// <summary>The question set's id, when the question came as a record of one (<see cref="QuestionLine"/>); left out otherwise.</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    public static AnswerLine From(Answer answer) => new(
        answer.Question,
        answer.Answered,
        answer.Sentence,
        answer.Passages.Select(p => new PassageLine(p.Passage.Text, p.Passage.Title, p.Passage.Section, Math.Round(p.Score, 4), p.Passage.Source, p.Passage.Path)).ToArray(),
        Math.Round(answer.Coverage, 3),
        Math.Round(answer.Similarity, 3),
        Math.Round(answer.Confidence, 3));

    // Relaxed escaping keeps curly quotes and non-Latin text readable; the output is never embedded in HTML.
    private static readonly AnswerJsonContext Context = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public string ToJson() => JsonSerializer.Serialize(this, Context.AnswerLine);
}

/// <param name="Source">The document the passage comes from (its title).</param>
/// <param name="Origin">Where that document comes from (its front matter <c>source</c>).</param>
internal sealed record PassageLine(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("path")] string Path);

[JsonSerializable(typeof(AnswerLine))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext;
