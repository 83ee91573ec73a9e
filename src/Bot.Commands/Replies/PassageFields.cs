using Bot.Knowledge.Answering;
using Bot.Limits;

namespace Bot.Commands.Replies;

/// <summary>Passages as numbered embed fields: the source as the name, an excerpt with the matched words in bold as the value.</summary>
internal static class PassageFields
{
    /// <summary>Under the field value limit, leaving room for the zero-width spaces that break mentions.</summary>
    private const int ValueLength = DiscordLimits.EmbedFieldValueLength - 40;

    public static ReplyEmbedField Of(int number, PassageHit hit)
    {
        var focus = hit.AnswerSpan ?? (hit.Matches.Count > 0 ? hit.Matches.MinBy(m => m.Start) : null);
        var excerpt = PassageText.Excerpt(hit.Passage.Text, hit.Matches, focus, ValueLength);
        return new ReplyEmbedField(
            $"{number}. {PassageText.ShownSource(hit.Passage)}",
            Markdown.NeutralizeMentions(excerpt));
    }
}
