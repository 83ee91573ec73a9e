using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Tests.Support;

public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

/// <summary>A logger that keeps every formatted message, for asserting what an operator would read.</summary>
internal class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => entries.ToArray();

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
}

internal sealed class CapturingLogger<T> : CapturingLogger, ILogger<T>;
