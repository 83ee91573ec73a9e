using System.Globalization;
using System.Text;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;

namespace Bot.Commands.Unanswered;

/// <summary>
/// <c>/unanswered</c>: the questions the knowledge could not answer in this server, most asked
/// first, with how often and when they were last asked, so moderators know what to add to the
/// knowledge folder. For members with Manage Messages: registered so (Discord hides it from
/// others) and checked again here, since server admins can change who sees a command. Only the
/// moderator who asks sees the list.
/// </summary>
public sealed class UnansweredCommand(IUnansweredQuestions unanswered) : ICommand
{
    public const string Name = "unanswered";

    /// <summary>Questions listed at most.</summary>
    public const int Shown = 20;

    /// <summary>Characters of a question shown; the rest is cut.</summary>
    public const int QuestionLength = 150;

    public const string Title = "Questions I could not answer";
    public const string NoneText = "No unanswered questions have been recorded in this server yet.";
    public const string Footer = "Most asked first, in this server. Add what they ask about to the knowledge folder, and I'll answer next time.";

    public static readonly string RefusedText = PermissionNotices.MemberLacks(MemberPermission.ManageMessages, "see the unanswered questions");

    public CommandDefinition Definition { get; } = new(Name, "Moderators: the questions I could not answer here, most asked first, to add to the knowledge.")
    {
        RequiredPermission = MemberPermission.ManageMessages,
        Ephemeral = true,
    };

    public async ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HasPermission(Definition.RequiredPermission))
            return Reply.Text(RefusedText, ephemeral: true);

        var top = await unanswered.TopAsync(context.GuildId, Shown, cancellationToken).ConfigureAwait(false);
        if (top.Count == 0)
            return Reply.Text(NoneText, ephemeral: true);

        var lines = new StringBuilder();
        for (var i = 0; i < top.Count; i++)
        {
            var question = top[i];
            lines.Append(CultureInfo.InvariantCulture, $"**{i + 1}.** {PassageText.Echo(question.Question, QuestionLength)}")
                .Append(CultureInfo.InvariantCulture, $" · asked {Times(question.Count)}, last <t:{question.LastAsked.ToUnixTimeSeconds()}:d>")
                .Append('\n');
        }

        return Reply.WithEmbed(
            new ReplyEmbed { Title = Title, Description = lines.ToString().TrimEnd('\n'), Footer = Footer },
            ephemeral: true);
    }

    private static string Times(long count) => count == 1 ? "once" : count == 2 ? "twice" : $"{count.ToString(CultureInfo.InvariantCulture)} times";
}
