using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Bot.Testing;

namespace Bot.Discord.Local.Logging;

/// <summary>
/// Keeps every log entry of every category a host writes (level, formatted message, values,
/// exception), for "what was logged" and "never logged" checks in any test project.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly ChangeSignal _logged = new();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    /// <summary>Everything written, as one text, for "never contains" checks.</summary>
    public string AllText => string.Join("\n", Entries.Select(entry => entry.ToString()));

    public IReadOnlyList<CapturedLog> From<T>() => Entries.Where(entry => entry.Category == typeof(T).FullName).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries, _logged);

    /// <summary>Waits until an entry matching <paramref name="match"/> is logged, re-checking on every entry (bounded by <paramref name="timeout"/>, 10 s by default).</summary>
    public async Task<CapturedLog> WaitForAsync(Func<CapturedLog, bool> match, string what, TimeSpan? timeout = null)
    {
        await _logged.WaitUntilAsync(() => Entries.Any(match), timeout ?? TimeSpan.FromSeconds(10), () => $"Timed out waiting for a log entry: {what}\n{AllText}");
        return Entries.First(match);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries, ChangeSignal logged) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : "";
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
            logged.Notify();
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
{
    public override string ToString() => $"{Level} {Category} {EventId}: {Message} [{Values}] {Exception}";
}
