using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Testing;

/// <summary>One log entry as an operator would read it, with its structured values.</summary>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, string Values, Exception? Exception)
{
    public override string ToString() => $"{Level} {EventId}: {Message} [{Values}] {Exception}";
}

/// <summary>A logger that keeps every entry: for asserting what an operator would read, and what never appears.</summary>
public class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Raised after each entry is kept, so a test can await a line instead of polling for it.</summary>
    public event Action? Logged;

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level);

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
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), values, exception));
        Logged?.Invoke();
    }
}

public sealed class CapturingLogger<T> : CapturingLogger, ILogger<T>;
