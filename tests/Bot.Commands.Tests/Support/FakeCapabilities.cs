using Bot.Commands.Capabilities;

namespace Bot.Commands.Tests.Support;

/// <summary>Pins that succeed (or fail as told) and remember what was pinned.</summary>
internal sealed class FakePins(PinOutcome outcome = PinOutcome.Pinned) : IMessagePins
{
    private readonly List<(string Channel, string Message)> _pinned = [];

    public PinOutcome Outcome { get; set; } = outcome;

    public IReadOnlyList<(string Channel, string Message)> Pinned
    {
        get
        {
            lock (_pinned)
                return _pinned.ToArray();
        }
    }

    public ValueTask<PinOutcome> PinAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        lock (_pinned)
            _pinned.Add((channelId, messageId));
        return ValueTask.FromResult(Outcome);
    }
}

/// <summary>Events that are created (or refused as told), each request remembered.</summary>
internal sealed class FakeGuildEvents(GuildEventOutcome outcome = GuildEventOutcome.Created) : IGuildEvents
{
    private readonly List<GuildEventRequest> _requests = [];

    public GuildEventOutcome Outcome { get; set; } = outcome;

    public IReadOnlyList<GuildEventRequest> Requests
    {
        get
        {
            lock (_requests)
                return _requests.ToArray();
        }
    }

    public ValueTask<GuildEventResult> CreateAsync(GuildEventRequest request, CancellationToken cancellationToken)
    {
        lock (_requests)
            _requests.Add(request);
        return ValueTask.FromResult(new GuildEventResult(Outcome, Outcome == GuildEventOutcome.Created ? "987654321" : null, Outcome == GuildEventOutcome.Failed ? "scheduled_start_time: must be in the future" : null));
    }
}
