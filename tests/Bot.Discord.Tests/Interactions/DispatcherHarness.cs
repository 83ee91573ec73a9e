using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.Discord.Interactions.Admission;
using Bot.Discord.Local;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Bot.Discord.Tests.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Interactions;

/// <summary>
/// A dispatcher answering through the real <see cref="DiscordRestClient"/> and <see cref="RestInitialResponder"/>
/// against a fresh <see cref="LocalDiscordServer"/> on 127.0.0.1. HTTP and the server run on real time;
/// the dispatcher's clock is real unless a test hands it a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    public const string CallbackOperation = "create_interaction_response";
    public const string EditOperation = "update_original_webhook_message";
    public const string FollowupOperation = "execute_webhook";

    private DispatcherHarness(RestHarness rest, InteractionOptions options, TimeProvider time)
    {
        Rest = rest;
        Options = options;
        Time = time;
        Responder = new RestInitialResponder(rest.Client);
        var settings = Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Interactions = options });
        Admission = new InteractionAdmission(settings, time);
        Dispatcher = new InteractionDispatcher(Handler, rest.Client, settings, time, Logs, rest.Metrics, Admission);
    }

    /// <summary>Whose turn it is: at most <see cref="InteractionOptions.Workers"/> handlers at once.</summary>
    public InteractionAdmission Admission { get; }

    public RestHarness Rest { get; }

    public LocalDiscordServer Server => Rest.Server;

    public InteractionOptions Options { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => Time as FakeTimeProvider ?? throw new InvalidOperationException("This harness runs on real time.");

    public TestInteractionHandler Handler { get; } = new();

    public CapturingLogger<InteractionDispatcher> Logs { get; } = new();

    public RestInitialResponder Responder { get; }

    public InteractionDispatcher Dispatcher { get; }

    /// <summary>Defaults: defer after 2 s (so "fast" handlers are fast even on a loaded machine), real time.</summary>
    public static async Task<DispatcherHarness> StartAsync(TimeSpan? deferAfter = null, TimeProvider? time = null, Action<InteractionOptions>? configure = null)
    {
        var options = new InteractionOptions { DeferAfter = deferAfter ?? TimeSpan.FromSeconds(2), Workers = 4 };
        configure?.Invoke(options);
        var rest = await RestHarness.StartAsync();
        return new DispatcherHarness(rest, options, time ?? TimeProvider.System);
    }

    public IncomingInteraction NewCommand(string name = "ask", ulong? member = null, ulong? guild = null) =>
        New(InteractionType.ApplicationCommand, new InteractionData { Id = 1459600000000000001, Name = name, Type = Models.Commands.ApplicationCommandType.ChatInput }, member: member, guild: guild);

    public IncomingInteraction NewComponent(string customId = "film:page:2") =>
        New(InteractionType.MessageComponent, new InteractionData { CustomId = customId, ComponentType = Models.Components.ComponentType.Button });

    public IncomingInteraction NewAutocomplete(string name = "film") =>
        New(InteractionType.ApplicationCommandAutocomplete, new InteractionData { Id = 1459600000000000002, Name = name, Type = Models.Commands.ApplicationCommandType.ChatInput });

    public IncomingInteraction NewPing() => New(InteractionType.Ping, null);

    /// <summary>The server interactions come from unless a test says otherwise.</summary>
    public const ulong Guild = 1213418270883971072;

    private long _members = 874955302502531000;

    /// <summary>
    /// An interaction the local Discord knows, arriving now on the dispatcher's clock, from
    /// <paramref name="member"/> (by default a member of its own, as if many people were asking) in
    /// <paramref name="guild"/> (by default <see cref="Guild"/>).
    /// </summary>
    public IncomingInteraction New(InteractionType type, InteractionData? data, ulong? applicationId = null, bool withApplicationId = true, ulong? member = null, ulong? guild = null)
    {
        var (id, token) = Server.NewInteraction();
        var user = new Models.Users.User { Id = member ?? (ulong)Interlocked.Increment(ref _members), Username = "member" };
        var interaction = new Interaction
        {
            Id = id,
            ApplicationId = withApplicationId ? applicationId ?? Server.ApplicationId : null,
            Type = type,
            Data = data,
            Member = new Models.Guilds.GuildMember { User = user },
            GuildId = guild ?? Guild,
            ChannelId = 1213418270883971075,
            Token = token,
            Version = 1,
            Locale = "en-GB",
        };
        return new IncomingInteraction(interaction, Time.GetTimestamp());
    }

    public Task DispatchAsync(IncomingInteraction incoming, CancellationToken cancellationToken = default) =>
        Dispatcher.DispatchAsync(incoming, Responder, cancellationToken);

    public IReadOnlyList<RecordedRequest> CallbacksTo(IncomingInteraction incoming) =>
        Server.RequestsTo(CallbackOperation).Where(r => r.Path.StartsWith($"/interactions/{incoming.Interaction.Id}/", StringComparison.Ordinal)).ToArray();

    public IReadOnlyList<RecordedRequest> EditsOf(IncomingInteraction incoming) =>
        Server.RequestsTo(EditOperation).Where(r => r.Path.Contains("/" + incoming.Interaction.Token + "/", StringComparison.Ordinal)).ToArray();

    public IReadOnlyList<RecordedRequest> FollowupsOf(IncomingInteraction incoming) =>
        Server.RequestsTo(FollowupOperation).Where(r => r.Path.EndsWith("/" + incoming.Interaction.Token, StringComparison.Ordinal)).ToArray();

    /// <summary>The one initial callback of <paramref name="incoming"/>, asserting there is exactly one.</summary>
    public RecordedRequest SingleCallback(IncomingInteraction incoming) => Assert.Single(CallbacksTo(incoming));

    /// <summary>The content the user ended up with: from a type 4 callback, or from the edit after a deferral.</summary>
    public string? DeliveredContent(IncomingInteraction incoming)
    {
        var callback = SingleCallback(incoming);
        return TypeOf(callback) == 4
            ? (string?)Body(callback)["data"]?["content"]
            : (string?)Body(Assert.Single(EditsOf(incoming)))["content"];
    }

    /// <summary>The log entries at <paramref name="level"/> whose values name <paramref name="incoming"/>'s id.</summary>
    public IReadOnlyList<LogEntry> LogsAbout(IncomingInteraction incoming, LogLevel level) =>
        Logs.Entries.Where(e => e.Level == level && e.Values.Contains("InteractionId=" + incoming.Interaction.Id, StringComparison.Ordinal)).ToArray();

    public static JsonNode Body(RecordedRequest request) => JsonNode.Parse(request.Body) ?? throw new InvalidOperationException("Empty body.");

    public static int TypeOf(RecordedRequest callback) => (int)Body(callback)["type"]!;

    /// <summary>
    /// Waits until <paramref name="condition"/> on the counts of <paramref name="admission"/> and/or
    /// <paramref name="workers"/> holds, re-checking it each time one of them changes.
    /// </summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what, InteractionAdmission? admission = null, InteractionWorkers? workers = null)
    {
        if (admission is null && workers is null)
            throw new ArgumentException("name what the condition watches: the admission, the workers or both");
        return WaitUntilAsync(
            h =>
            {
                if (admission is not null)
                    admission.Changed += h;
                if (workers is not null)
                    workers.InFlightChanged += h;
            },
            h =>
            {
                if (admission is not null)
                    admission.Changed -= h;
                if (workers is not null)
                    workers.InFlightChanged -= h;
            },
            condition,
            what);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking it each time <paramref name="subscribe"/>'s event fires.</summary>
    public static Task WaitUntilAsync(Action<Action> subscribe, Action<Action> unsubscribe, Func<bool> condition, string what) =>
        ChangeSignal.WaitUntilAsync(subscribe, unsubscribe, condition, TimeSpan.FromSeconds(10), () => "Timed out waiting until " + what);

    /// <summary>Waits until the local Discord has recorded an initial callback for <paramref name="incoming"/>.</summary>
    public Task WaitForCallbackAsync(IncomingInteraction incoming) =>
        Server.WaitUntilAsync(() => CallbacksTo(incoming).Count > 0, $"interaction {incoming.Interaction.Id} got its initial callback");

    /// <summary>Moves the dispatcher's fake clock in steps until <paramref name="task"/> completes.</summary>
    public Task AdvanceUntilAsync(Task task, TimeSpan step) => RestHarness.AdvanceUntilAsync(Time, Server, task, step, TimeSpan.FromDays(1));

    public ValueTask DisposeAsync() => Rest.DisposeAsync();
}
