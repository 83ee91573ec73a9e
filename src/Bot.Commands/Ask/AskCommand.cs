using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Answering;

namespace Bot.Commands.Ask;

/// <summary>
/// <c>/ask question:... [private:true]</c>: the knowledge's answer as a card, or a short note,
/// seen only by the asker, when the knowledge does not answer or the question is unusable.
/// </summary>
public sealed class AskCommand : ICommand
{
    public const string Name = "ask";
    public const string QuestionOption = "question";
    public const string PrivateOption = "private";

    /// <summary>Longest question, in characters, that is looked up; longer ones are refused rather than cut, which could change what they ask.</summary>
    public const int MaxQuestionLength = 300;

    public const string EmptyQuestionText = "Type a question after /ask, e.g. /ask who directed Beyond Utopia?";
    public const string NotAnsweredText = "The knowledge I answer from doesn't cover that question. Try asking it another way, or see /help for what I can do.";
    public const string NotReadyText = "I'm still reading the knowledge folder. Try again in a few seconds.";

    public CommandDefinition Definition { get; } = new(Name, "Ask a question about the film; answers come only from the community's knowledge folder.")
    {
        Options =
        [
            new(QuestionOption, "What you want to know", OptionKind.String, Required: true) { MinLength = 1, MaxLength = MaxQuestionLength },
            new(PrivateOption, "Show the answer only to you (default: everyone in the channel sees it)", OptionKind.Boolean),
        ],
    };

    public static string TooLongText(int length) =>
        $"That question is {length} characters long; /ask takes up to {MaxQuestionLength}. Try asking it in fewer words.";

    public bool RepliesEphemerally(CommandOptions options) => options.GetBoolean(PrivateOption) ?? Definition.Ephemeral;

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Execute(context));
    }

    private Reply Execute(CommandContext context)
    {
        var question = (context.Options.GetString(QuestionOption) ?? "").Trim();
        if (question.Length == 0)
            return Reply.Text(EmptyQuestionText, ephemeral: true);
        var length = CountCharacters(question);
        if (length > MaxQuestionLength)
            return Reply.Text(TooLongText(length), ephemeral: true);
        if (!context.Knowledge.IsReady)
            return Reply.Text(NotReadyText, ephemeral: true);

        var answer = context.Knowledge.Ask(question);
        if (!answer.Answered || answer.Passages.Count == 0)
        {
            return answer.Abstention == Abstention.EmptyQuestion
                ? Reply.Text(EmptyQuestionText, ephemeral: true)
                : Reply.Text(NotAnsweredText, ephemeral: true);
        }

        return ReplyLimits.Fit(AnswerCard.Render(question, answer, RepliesEphemerally(context.Options)));
    }

    /// <summary>Characters as a person counts them: an emoji is one, not two UTF-16 units.</summary>
    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }
}
