namespace Bot.Commands.WatchParty;

/// <summary>How far each channel has got through the discussion prompts, so each asks the next one.</summary>
public interface IPromptPositions
{
    /// <summary>
    /// How many prompts <paramref name="channelId"/> in <paramref name="guildId"/> (null: none, as on the
    /// console) had been given before this one, counting this asking: 0 the first time, then 1, 2…
    /// Two askings at once get different numbers.
    /// </summary>
    ValueTask<long> NextAsync(string? guildId, string? channelId, CancellationToken cancellationToken);
}

/// <summary>Positions kept in memory, lost on restart: what <c>AddBotCommands</c> registers when no state store is.</summary>
public sealed class InMemoryPromptPositions : IPromptPositions
{
    private readonly Dictionary<(string Guild, string Channel), long> _served = [];
    private readonly Lock _gate = new();

    public ValueTask<long> NextAsync(string? guildId, string? channelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (guildId ?? "", channelId ?? "");
            var count = _served.GetValueOrDefault(key);
            _served[key] = count + 1;
            return ValueTask.FromResult(count);
        }
    }
}
