using Bot.Commands.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// What the console offers commands in place of Discord's pins and scheduled events: nothing,
/// said plainly. The commands then show what they would have done, with a note such as
/// "(console: no Discord, the event was not created)". Events asked for are kept in
/// <see cref="ConsoleGuildEvents.Requested"/>, so a session can be checked.
/// </summary>
internal static class ConsoleCapabilities
{
    /// <summary>The channel every console command runs in: there is one conversation.</summary>
    public const string ChannelId = "console";

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.RemoveAll<IMessagePins>();
        services.AddSingleton<IMessagePins, ConsoleMessagePins>();
        services.RemoveAll<IGuildEvents>();
        services.AddSingleton<ConsoleGuildEvents>();
        services.AddSingleton<IGuildEvents>(sp => sp.GetRequiredService<ConsoleGuildEvents>());
        return services;
    }
}

/// <summary>The console has no pins.</summary>
internal sealed class ConsoleMessagePins : IMessagePins
{
    public ValueTask<PinOutcome> PinAsync(string channelId, string messageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PinOutcome.NotAvailable);
}

/// <summary>The console has no server to hold events: each request is kept, none is created.</summary>
internal sealed class ConsoleGuildEvents : IGuildEvents
{
    private readonly List<GuildEventRequest> _requested = [];

    public IReadOnlyList<GuildEventRequest> Requested
    {
        get
        {
            lock (_requested)
                return _requested.ToArray();
        }
    }

    public ValueTask<GuildEventResult> CreateAsync(GuildEventRequest request, CancellationToken cancellationToken)
    {
        lock (_requested)
            _requested.Add(request);
        return ValueTask.FromResult(new GuildEventResult(GuildEventOutcome.NotAvailable));
    }
}
