using Bot.Knowledge.Text;

namespace Bot.Knowledge.Search;

/// <summary>
/// The part of a message that asks. "I watched it last night with my family. Who directed
/// Beyond Utopia?" asks only the last sentence; the rest is conversation, and its words
/// ("night", "family") would pull the search towards unrelated passages.
/// </summary>
internal static class QuestionFocus
{
    public static string Of(string message)
    {
        if (!message.Contains('?'))
            return message;
        var sentences = SentenceSplitter.Split(message);
        if (sentences.Count < 2)
            return message;
        var asking = sentences.Where(s => s.TrimEnd('"', '\'', '\u201D', ')').EndsWith('?')).ToArray();
        return asking.Length == 0 ? message : string.Join(' ', asking);
    }
}
