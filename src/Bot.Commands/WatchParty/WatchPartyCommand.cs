using System.Globalization;
using System.Text;
using Bot.Commands.Capabilities;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Summaries;
using Bot.Limits;

namespace Bot.Commands.WatchParty;

/// <summary>
/// <c>/watchparty</c>, for hosts of a screening:
/// <list type="bullet">
/// <item><c>schedule start [channel] [title] [timezone]</c>: a server event (in a voice or stage
/// channel, else online) starting when <c>start</c> says (<see cref="StartTimeParser"/>), lasting the
/// film's running time when the knowledge states it (<see cref="IKnowledgeReader.FilmRuntime"/>), else
/// <see cref="DefaultLength"/>, described with sentences of the knowledge. Needs Create Events,
/// from the member (checked here) and the bot.</item>
/// <item><c>where</c>: where the film can be watched, as the knowledge says, with the source.</item>
/// <item><c>prompt</c>: the next of the <see cref="DiscussionPrompts"/> for this channel.</item>
/// </list>
/// </summary>
public sealed class WatchPartyCommand : IAutocompleteCommand
{
    public const string Name = "watchparty";
    public const string Schedule = "schedule";
    public const string Where = "where";
    public const string Prompt = "prompt";

    public const string StartOption = "start";
    public const string ChannelOption = "channel";
    public const string TitleOption = "title";
    public const string TimeZoneOption = "timezone";

    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 1000;

    public const string DefaultTitle = "Beyond Utopia watch party";

    /// <summary>Where an event outside the server's voice channels takes place.</summary>
    public const string OnlineLocation = "Online (see /watchparty where)";

    public const string WhereTitle = "Where to watch";
    public const string WhereUnknownText = "The knowledge folder doesn't say where the film can be watched.";
    public const string NotReadyText = "I'm still reading the knowledge folder. Try again in a few seconds.";
    public const string NotInGuildText = "Watch parties can be scheduled only in a server, not in direct messages.";
    public const string NotVoiceText = "Pick a voice or stage channel for the watch party, or leave channel out for an online one.";
    public const string ConsoleText = "(console: no Discord, the event was not created)";
    public const string CreatedFooter = "Created in the server's events: members can mark themselves interested there.";
    public const string NoPromptsText = "No discussion prompts are set up.";
    public const string UnknownDurationText = "Planned for 2 hours: the knowledge doesn't state the film's running time.";

    /// <summary>What a watch party lasts when the knowledge does not say how long the film is (<see cref="UnknownDurationText"/> says so).</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(2);

    public static readonly string MemberCannotScheduleText = PermissionNotices.MemberLacks(MemberPermission.CreateEvents, "schedule watch parties");
    public static readonly string BotCannotScheduleText = PermissionNotices.BotLacks(MemberPermission.CreateEvents, "create the event");

    /// <summary>Time zones suggested before anything is typed.</summary>
    private static readonly string[] CommonZones =
    [
        "UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Sao_Paulo", "Asia/Seoul", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney",
    ];

    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
    {
        try
        {
            return TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidTimeZoneException)
        {
            return CommonZones;
        }
    });

    private readonly StartTimeParser _parser;
    private readonly Summarizer _summarizer;
    private readonly IGuildEvents _events;
    private readonly IPromptPositions _positions;
    private readonly DiscussionPrompts _prompts;

    public WatchPartyCommand(
        StartTimeParser parser,
        Summarizer summarizer,
        IGuildEvents? events = null,
        IPromptPositions? positions = null,
        DiscussionPrompts? prompts = null)
    {
        _parser = parser ?? throw new ArgumentNullException(nameof(parser));
        _summarizer = summarizer ?? throw new ArgumentNullException(nameof(summarizer));
        _events = events ?? NoGuildEvents.Instance;
        _positions = positions ?? new InMemoryPromptPositions();
        _prompts = prompts ?? DiscussionPrompts.Shipped;
    }

    public CommandDefinition Definition { get; } = new(Name, "Watch parties: schedule one, find where to watch the film, get a discussion prompt.")
    {
        Subcommands =
        [
            new(Schedule, "Create a server event for a watch party (needs the Create Events permission)")
            {
                RequiredPermission = MemberPermission.CreateEvents,
                Options =
                [
                    new(StartOption, "When it starts: 2026-12-01 20:00, in 2h, tomorrow 20:00, friday 19:00, tonight…", OptionKind.String, Required: true)
                    {
                        MinLength = 1,
                        MaxLength = StartTimeParser.MaxInputLength,
                    },
                    new(ChannelOption, "The voice or stage channel to watch in (default: an online event)", OptionKind.Channel)
                    {
                        ChannelKinds = [ChannelKind.Voice, ChannelKind.Stage],
                    },
                    new(TitleOption, $"The event's name (default: {DefaultTitle})", OptionKind.String) { MinLength = 1, MaxLength = MaxTitleLength },
                    new(TimeZoneOption, "The time zone start is in, e.g. Europe/Paris (default: UTC)", OptionKind.String)
                    {
                        MaxLength = 64,
                        Autocomplete = true,
                    },
                ],
            },
            new(Where, "Where the film can be watched, as the knowledge folder says"),
            new(Prompt, "The next discussion question for this channel"),
        ],
    };

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(AutocompleteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (context.FocusedOption != TimeZoneOption)
            return ValueTask.FromResult<IReadOnlyList<AutocompleteChoice>>([]);
        var typed = context.FocusedValue.Trim().Replace(' ', '_');
        IEnumerable<string> found = typed.Length == 0
            ? CommonZones.Where(z => TimeZoneLookup.TryFind(z, out _))
            : Zones.Value.Where(z => z.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Concat(Zones.Value.Where(z => z.Contains(typed, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.Ordinal);
        return ValueTask.FromResult<IReadOnlyList<AutocompleteChoice>>(found.Take(DiscordLimits.AutocompleteChoices).Select(z => new AutocompleteChoice(z, z)).ToArray());
    }

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return context.Subcommand?.ToLowerInvariant() switch
        {
            Schedule => ScheduleAsync(context, cancellationToken),
            Where => ValueTask.FromResult(WhereToWatchReply(context.Knowledge)),
            Prompt => NextPromptAsync(context, cancellationToken),
            _ => ValueTask.FromResult(Reply.Text($"Use /{Name} {Schedule}, /{Name} {Where} or /{Name} {Prompt}.", ephemeral: true)),
        };
    }

    /// <summary>What the knowledge says about where to watch the film (<see cref="IKnowledgeReader.WhereToWatch"/>): the sentence and its source.</summary>
    public static Reply WhereToWatchReply(IKnowledgeReader knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (!knowledge.IsReady)
            return Reply.Text(NotReadyText, ephemeral: true);
        if (knowledge.WhereToWatch() is not { } found)
            return Reply.Text(WhereUnknownText);
        return Reply.WithEmbed(new ReplyEmbed
        {
            Title = WhereTitle,
            Description = "> " + Markdown.NeutralizeMentions(found.Sentence),
            Footer = Markdown.NeutralizeMentions("Source: " + PassageText.Source(found.Passage)),
            Url = PassageText.Link(found.Passage),
        });
    }

    private async ValueTask<Reply> NextPromptAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (_prompts.Count == 0)
            return Reply.Text(NoPromptsText, ephemeral: true);
        var position = await _positions.NextAsync(context.GuildId, context.ChannelId, cancellationToken).ConfigureAwait(false);
        var index = (int)(position % _prompts.Count);
        return Reply.WithEmbed(new ReplyEmbed
        {
            Title = $"Discussion prompt {index + 1} of {_prompts.Count}",
            Description = _prompts.At(index),
            Footer = $"Each /{Name} {Prompt} in this channel brings the next one.",
        });
    }

    private async ValueTask<Reply> ScheduleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!context.HasPermission(MemberPermission.CreateEvents))
            return Reply.Text(MemberCannotScheduleText, ephemeral: true);
        if (!context.BotMayHave(MemberPermission.CreateEvents))
            return Reply.Text(BotCannotScheduleText, ephemeral: true);
        if (!context.Knowledge.IsReady)
            return Reply.Text(NotReadyText, ephemeral: true);

        var start = _parser.Parse(context.Options.GetString(StartOption), context.Options.GetString(TimeZoneOption));
        if (!start.Succeeded)
            return Reply.Text(start.Message, ephemeral: true);

        GuildEventPlace place;
        if (context.Options.GetChannel(ChannelOption) is { } channel)
        {
            if (channel.Kind is ChannelKind.Text)
                return Reply.Text(NotVoiceText, ephemeral: true);
            // A channel of unknown kind (the console cannot tell) is taken for a voice channel.
            place = GuildEventPlace.Channel(channel.Id, channel.Kind == ChannelKind.Stage ? ChannelKind.Stage : ChannelKind.Voice);
        }
        else
        {
            place = GuildEventPlace.Elsewhere(OnlineLocation);
        }

        var title = context.Options.GetString(TitleOption)?.Trim();
        var name = string.IsNullOrEmpty(title) ? DefaultTitle : TextLimits.Truncate(PassageText.OneLine(title), MaxTitleLength);
        var runtime = context.Knowledge.FilmRuntime();
        var length = runtime?.Length ?? DefaultLength;
        var lengthText = runtime is { } known
            ? $"Planned for the film's running time, {(int)known.Length.TotalMinutes} minutes (from the knowledge: {PassageText.Source(known.Source)})."
            : UnknownDurationText;
        var when = start.Value;
        var request = new GuildEventRequest(context.GuildId, name, Description(lengthText), when.Utc, when.Utc + length, place);

        var created = await _events.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        return created.Outcome switch
        {
            GuildEventOutcome.Created => Announcement(request, when, lengthText, CreatedFooter, content: null),
            GuildEventOutcome.NotAvailable => Announcement(request, when, lengthText, footer: null, content: ConsoleText),
            GuildEventOutcome.NotInGuild => Reply.Text(NotInGuildText, ephemeral: true),
            GuildEventOutcome.BotMissingPermission => Reply.Text(
                place.ChannelId is null ? BotCannotScheduleText : BotCannotScheduleText + " In a voice channel I also need View Channel and Connect there.",
                ephemeral: true),
            _ => Reply.Text($"Discord did not create the event{(created.Problem is { Length: > 0 } problem ? $" ({Markdown.Escape(TextLimits.Truncate(problem, 300))})" : "")}. Please try again.", ephemeral: true),
        };
    }

    /// <summary>The event's description: a couple of the knowledge's sentences about the film, then how long it is planned for.</summary>
    private string Description(string lengthText)
    {
        var summary = _summarizer.Summarize(null, Summarizer.MinSentences, maxCharacters: MaxDescriptionLength - lengthText.Length - 10);
        var lead = string.Join(' ', summary.Sentences.Take(2).Select(s => s.Text));
        var text = lead.Length == 0 ? lengthText : lead + "\n\n" + lengthText;
        return TextLimits.Truncate(text, MaxDescriptionLength);
    }

    private static Reply Announcement(GuildEventRequest request, StartTime when, string lengthText, string? footer, string? content)
    {
        var end = when with { Utc = request.End };
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Starts** {when.FullTimestamp} ({when.RelativeTimestamp})\n")
            .Append(CultureInfo.InvariantCulture, $"**Ends** {end.FullTimestamp}. {lengthText}\n")
            .Append("**Where** ").Append(request.Place.ChannelId is { } channel ? $"<#{channel}>" : Markdown.Escape(request.Place.Location!));
        if (when.Note is { Length: > 0 } note)
            text.Append("\n\n").Append(note);
        return new Reply
        {
            Content = content,
            Embeds = [new ReplyEmbed { Title = Markdown.Escape(request.Name), Description = text.ToString(), Footer = footer }],
        };
    }
}
