using System.Globalization;
using System.Text;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Trivia;

namespace Bot.Commands.Trivia;

/// <summary>
/// <c>/trivia play</c>: a fill-in-the-blank question made from a sentence of the knowledge, with
/// four buttons (one right). A click is answered privately: right or wrong, the right answer, and
/// the sentence it comes from with its source. A member's first answer to a question counts, a
/// point when right (<see cref="ITriviaScores"/>, per server). <c>/trivia leaderboard</c>: the top
/// ten. Both for everyone in the channel.
/// </summary>
/// <remarks>
/// A button's custom id is <c>trivia:a:{question id}:{option}</c>: the question id restores the very
/// question (<see cref="TriviaGenerator.TryRestore"/>), so clicks work after a restart and on any
/// replica, and a question the knowledge no longer gives (it changed) says so instead of scoring.
/// </remarks>
public sealed class TriviaCommand : IComponentCommand
{
    public const string Name = "trivia";
    public const string Play = "play";
    public const string Leaderboard = "leaderboard";

    /// <summary>Places on the leaderboard.</summary>
    public const int LeaderboardSize = 10;

    public const string QuestionTitle = "Trivia: fill in the blank";
    public const string QuestionFooter = "Only your first answer counts. /trivia leaderboard shows the scores.";
    public const string LeaderboardTitle = "Trivia leaderboard";
    public const string NoScoresText = "No one has scored yet in this server. Start with /trivia play.";
    public const string NoQuestionText = "The knowledge doesn't have enough names, places or numbers to make a trivia question yet.";
    public const string NotReadyText = "I'm still reading the knowledge folder. Try again in a few seconds.";
    public const string ExpiredText = "That question no longer matches the knowledge (it has changed since). Try /trivia play for a new one.";

    private const string AnswerPrefix = "a:";

    private static readonly string[] Letters = ["A", "B", "C", "D"];

    private readonly TriviaGenerator _generator;
    private readonly ITriviaScores _scores;
    private readonly Func<int> _seeds;

    /// <param name="seeds">Where each question's seed comes from; a fresh random one per call when null.</param>
    public TriviaCommand(TriviaGenerator generator, ITriviaScores? scores = null, Func<int>? seeds = null)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _scores = scores ?? new InMemoryTriviaScores();
        _seeds = seeds ?? (() => Random.Shared.Next());
    }

    public CommandDefinition Definition { get; } = new(Name, "Trivia from the knowledge folder: play a question, or see who knows the film best.")
    {
        Subcommands =
        [
            new(Play, "A multiple-choice question from the knowledge; answer with the buttons"),
            new(Leaderboard, "The ten members with the most trivia points in this server"),
        ],
    };

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.Equals(context.Subcommand, Leaderboard, StringComparison.OrdinalIgnoreCase))
            return LeaderboardAsync(context, cancellationToken);
        if (!context.Knowledge.IsReady)
            return ValueTask.FromResult(Reply.Text(NotReadyText, ephemeral: true));
        return ValueTask.FromResult(_generator.Generate(_seeds()) is { } question
            ? Ask(question)
            : Reply.Text(NoQuestionText, ephemeral: true));
    }

    public ComponentReplyPlan PlanComponent(string customId) => ComponentReplyPlan.EphemeralMessage;

    /// <summary>A click on an option: scored once per member and question, answered privately.</summary>
    public async ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryParse(context.Data, out var id, out var option) || !_generator.TryRestore(id, out var question))
            return Reply.Text(ExpiredText, ephemeral: true);

        var right = question.IsRight(option);
        var record = await _scores.RecordAnswerAsync(context.GuildId, context.Invoker.UserId, question.Id, right, cancellationToken).ConfigureAwait(false);
        var answer = $"**{Markdown.Escape(question.Answer)}**";
        var points = record.Points == 1 ? "1 point" : $"{record.Points.ToString(CultureInfo.InvariantCulture)} points";
        var verdict = !record.Counted
            ? $"You already answered this one, and only your first answer counts (it was {(record.FirstWasRight ? "right" : "wrong")}). The answer is {answer}. You have {points}."
            : right
                ? $"✅ Right: {answer}! You have {points}."
                : $"❌ Not this time: the answer is {answer}. You have {points}.";
        var source = new ReplyEmbed
        {
            Description = "> " + Markdown.NeutralizeMentions(question.Source.Text),
            Footer = Markdown.NeutralizeMentions("Source: " + question.Source.Citation),
            Url = PassageText.Link(question.Source.Passage),
        };
        return new Reply { Content = verdict, Embeds = [source], Ephemeral = true };
    }

    /// <summary>The question's card and its four buttons.</summary>
    public static Reply Ask(TriviaQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        // The blank's underscores would be read as Markdown emphasis.
        var text = Markdown.NeutralizeMentions(question.Text).Replace(TriviaQuestion.Blank, @"\_\_\_\_\_", StringComparison.Ordinal);
        var options = new StringBuilder();
        var buttons = new List<ReplyButton>();
        for (var i = 0; i < question.Options.Count; i++)
        {
            options.Append(CultureInfo.InvariantCulture, $"**{Letters[i]}.** {Markdown.Escape(question.Options[i])}\n");
            buttons.Add(new ReplyButton(
                $"{Letters[i]}. {question.Options[i]}",
                AnswerId(question.Id, i),
                ReplyButtonStyle.Primary));
        }

        var embed = new ReplyEmbed
        {
            Title = QuestionTitle,
            Description = text + "\n\n" + options.ToString().TrimEnd('\n'),
            Footer = QuestionFooter,
        };
        return new Reply { Embeds = [embed], Buttons = buttons };
    }

    /// <summary><c>trivia:a:{id}:{option}</c>: at most 7 + 2 + 42 + 2 = 53 characters.</summary>
    public static string AnswerId(string questionId, int option) =>
        CustomIds.Create(Name, $"{AnswerPrefix}{questionId}{CustomIds.Separator}{option.ToString(CultureInfo.InvariantCulture)}");

    private async ValueTask<Reply> LeaderboardAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var top = await _scores.TopAsync(context.GuildId, LeaderboardSize, cancellationToken).ConfigureAwait(false);
        if (top.Count == 0)
            return Reply.Text(NoScoresText);
        var lines = new StringBuilder();
        for (var i = 0; i < top.Count; i++)
        {
            var score = top[i];
            lines.Append(CultureInfo.InvariantCulture, $"**{i + 1}.** {Member(score.UserId)} · ")
                .Append(score.Points == 1 ? "1 point" : $"{score.Points.ToString(CultureInfo.InvariantCulture)} points")
                .Append(CultureInfo.InvariantCulture, $" ({score.Answered.ToString(CultureInfo.InvariantCulture)} answered)\n");
        }

        return Reply.WithEmbed(new ReplyEmbed
        {
            Title = LeaderboardTitle,
            Description = lines.ToString().TrimEnd('\n'),
            Footer = "A point for each question whose first answer was right, in this server.",
        });
    }

    /// <summary>
    /// A Discord member id as a mention, which shows their name: replies parse no mentions, so it
    /// pings nobody. Any other id (the console's) as plain text.
    /// </summary>
    private static string Member(string userId) =>
        userId.Length is > 0 and <= 20 && userId.All(char.IsAsciiDigit) ? $"<@{userId}>" : Markdown.Escape(userId);

    private static bool TryParse(string data, out string id, out int option)
    {
        id = "";
        option = -1;
        if (!data.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            return false;
        var rest = data[AnswerPrefix.Length..];
        var at = rest.LastIndexOf(CustomIds.Separator);
        if (at <= 0
            || !int.TryParse(rest.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out option)
            || option is < 0 or >= TriviaQuestion.OptionCount)
        {
            return false;
        }

        id = rest[..at];
        return true;
    }
}
