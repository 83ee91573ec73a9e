using System.Text;

namespace Bot.State.Unanswered;

/// <summary>
/// What makes two askings the same question: compatibility-normalised (full-width letters as
/// plain ones), lower case, white space collapsed, trailing sentence punctuation dropped.
/// "Who is Pastor Kim?" and "who is  pastor kim" share a key.
/// </summary>
public static class QuestionKey
{
    public static string From(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                gap = key.Length > 0;
                continue;
            }

            if (gap)
                key.Append(' ');
            gap = false;
            key.Append(char.ToLowerInvariant(c));
        }

        var end = key.Length;
        while (end > 0 && key[end - 1] is '?' or '!' or '.' or '…' or '？' or '！' or '。' or ' ')
            end--;
        // "???" is all punctuation: keep it rather than count it with every other empty key.
        return end > 0 ? key.ToString(0, end) : key.ToString();
    }
}
