using Lucene.Net.Analysis.Util;

namespace Bot.Knowledge.Analysis;

/// <summary>
/// Words that frame a question rather than say what it is about ("who", "does", "tell me",
/// "the name of"). They are dropped from questions only: articles keep them, and the answer
/// type is read from the raw question before they go.
/// </summary>
internal static class QuestionWords
{
    public static CharArraySet Set { get; } = new(TextAnalysis.Version, new[]
    {
        "what", "whats", "what's", "who", "whos", "who's", "whom", "whose", "where", "wheres", "where's",
        "when", "whens", "why", "how", "hows", "how's", "which",
        "am", "is", "isnt", "are", "was", "were", "been", "being", "do", "does", "did", "done",
        "has", "have", "had", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
        "they", "them", "their", "there", "this", "that", "these", "those",
        "please", "thanks", "thank", "hi", "hello", "hey", "tell", "know", "explain", "describe", "anyone", "someone", "something", "anything",
        "name", "named", "called", "kind", "type", "sort", "thing", "things",
        "happen", "happens", "happened", "get", "got", "make", "made", "go", "goes", "went",
        "much", "many", "any", "some", "very", "really", "just", "also", "about", "from", "so", "while",
    }, ignoreCase: true);
}
