using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>What the local Discord remembers between requests: commands, answered interactions, pins, denied channels.</summary>
internal sealed class FakeDiscordState
{
    /// <summary>Discord's epoch, 2015-01-01, in Unix milliseconds.</summary>
    public const long DiscordEpoch = 1420070400000;

    private readonly TimeProvider _time;
    private long _increment;

    public FakeDiscordState(TimeProvider time) => _time = time;

    public Lock Lock { get; } = new();

    /// <summary>Global commands (key "") and guild commands (key guild id).</summary>
    public Dictionary<string, JsonArray> Commands { get; } = new(StringComparer.Ordinal);

    /// <summary>Interaction id → its token, once the initial response was accepted.</summary>
    public Dictionary<ulong, string> Acknowledged { get; } = [];

    /// <summary>
    /// The same, the other way (token → interaction id): a webhook call names its interaction by token,
    /// and a load run holds tens of thousands of them, too many to scan for each call under the lock.
    /// </summary>
    public Dictionary<string, ulong> AcknowledgedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Interaction token → the original response message (after a type 4 or 5 callback).</summary>
    public Dictionary<string, JsonObject> Originals { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Interaction token → completes when the answer to its HTTP delivery was taken as its initial response
    /// (or turned out to be none). Only interactions delivered over HTTP and still awaiting that answer.
    /// </summary>
    public Dictionary<string, TaskCompletionSource> HttpDeliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Every message made (original responses, follow-ups, channel messages), as last edited.</summary>
    public List<JsonObject> Messages { get; } = [];

    public Dictionary<ulong, HashSet<ulong>> Pins { get; } = [];

    /// <summary>Channels where the bot lacks a permission (403 50013).</summary>
    public HashSet<ulong> ChannelsWithoutPermission { get; } = [];

    /// <summary>Channels the bot cannot see (403 50001).</summary>
    public HashSet<ulong> HiddenChannels { get; } = [];

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A new snowflake for the server's current time.</summary>
    public ulong NewSnowflake() => SnowflakeAt(Now);

    public ulong SnowflakeAt(DateTimeOffset time) =>
        ((ulong)(time.ToUnixTimeMilliseconds() - DiscordEpoch) << 22) | (ulong)(Interlocked.Increment(ref _increment) & 0xFFF);

    public static DateTimeOffset CreatedAt(ulong snowflake) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(snowflake >> 22) + DiscordEpoch);

    public static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
}
