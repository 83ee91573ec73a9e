using Bot.Commands.Replies;
using Bot.Knowledge.Answering;

namespace Bot.Commands.Ask;

/// <summary>
/// An answer as a message: the question quoted above a card whose title is the answer sentence,
/// whose description is the passage it comes from with the question's words in bold, and whose
/// footer names the source. Everything shown comes from the knowledge, except the question,
/// which is escaped.
/// </summary>
internal static class AnswerCard
{
    /// <summary>Room for the passage, bold marks included, leaving some within the description's limit.</summary>
    private const int PassageLength = 3500;

    public static Reply Render(string question, Answer answer, bool ephemeral)
    {
        var best = answer.Passages[0];
        var passage = best.Passage;
        var embed = new ReplyEmbed
        {
            Title = Markdown.NeutralizeMentions(answer.Sentence),
            Description = Markdown.NeutralizeMentions(PassageText.Excerpt(passage.Text, best.Matches, best.AnswerSpan, PassageLength)),
            Footer = Markdown.NeutralizeMentions($"Source: {PassageText.Source(passage)}"),
            Url = PassageText.Link(passage),
        };
        return new Reply
        {
            Content = PassageText.Quote(question),
            Embeds = [embed],
            Ephemeral = ephemeral,
        };
    }
}
