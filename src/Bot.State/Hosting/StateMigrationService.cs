using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.State.Hosting;

/// <summary>
/// Opens and migrates the state database while the host starts, before the knowledge is indexed
/// and before any transport connects: a damaged or newer file stops start-up with a message
/// naming it, rather than failing on the first unanswered question.
/// </summary>
internal sealed partial class StateMigrationService(StateDatabase database, ILogger<StateMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await database.MigrateAsync(cancellationToken);
        if (result.Migrated)
            Log.Migrated(logger, result.Path, result.FromVersion, result.ToVersion);
        else
            Log.Ready(logger, result.Path, result.ToVersion);
        if (!string.Equals(result.JournalMode, "wal", StringComparison.OrdinalIgnoreCase))
            Log.NotWal(logger, result.Path, result.JournalMode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "State database {Path} migrated from schema version {From} to {To}")]
        public static partial void Migrated(ILogger logger, string path, int from, int to);

        [LoggerMessage(2, LogLevel.Information, "State database {Path} ready at schema version {Version}")]
        public static partial void Ready(ILogger logger, string path, int version);

        [LoggerMessage(3, LogLevel.Warning, "State database {Path} is in {Mode} journal mode, not WAL: the file system may not support it; reads will wait for writes")]
        public static partial void NotWal(ILogger logger, string path, string mode);
    }
}
