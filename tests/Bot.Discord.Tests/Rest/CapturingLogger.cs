using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests.Rest;

/// <summary>Keeps every log entry: level, formatted message, structured values and exception text.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Everything written, as one text, for "never contains" checks.</summary>
    public string AllText => string.Join("\n", Entries.Select(entry => entry.ToString()));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : "";
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
    }
}

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
{
    public override string ToString() => $"{Level} {EventId}: {Message} [{Values}] {Exception}";
}
