using System.Text.Json;

namespace Bot.Cli;

/// <summary>
/// One line of <c>ask</c>'s standard input: the question as typed, or a question set's record
/// (<c>{"id": …, "question": …}</c>, the format of <c>../shared/eval/*.jsonl</c>), so a set can be piped in
/// as it is. Extracting the questions with text tools instead breaks on any question holding an escaped
/// quote or a <c>\u</c> escape, which then goes unanswered in the score.
/// </summary>
internal readonly record struct QuestionLine(string Question, string? Id)
{
    public static QuestionLine Read(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith('{') || !text.EndsWith('}'))
            return new QuestionLine(text, null);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (!json.RootElement.TryGetProperty("question", out var question) || question.ValueKind != JsonValueKind.String)
                return new QuestionLine(text, null);
            var id = json.RootElement.TryGetProperty("id", out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                }
                : null;
            return new QuestionLine(question.GetString()!.Trim(), id);
        }
        catch (JsonException)
        {
            // Braces around a question that is not a record: "{curious} who made it?"
            return new QuestionLine(text, null);
        }
    }
}
