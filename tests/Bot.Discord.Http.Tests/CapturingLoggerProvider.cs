using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Http.Tests;

/// <summary>Keeps every log entry of every category, for "what was logged" and "never logged" checks.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Everything written, messages, structured values and exceptions, as one text.</summary>
    public string AllText => string.Join("\n", Entries.Select(entry => entry.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : "";
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
{
    public override string ToString() => $"{Category} {Level} {EventId}: {Message} [{Values}] {Exception}";
}
