using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.State.Hosting;

/// <summary>
/// Opens and migrates the state database while the host starts, before the knowledge is indexed
/// and before any transport connects: a damaged or newer file stops start-up with a message
/// naming it, rather than failing on the first unanswered question.
/// </summary>
internal sealed class StateMigrationService(StateDatabase database, ILogger<StateMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await database.MigrateAsync(cancellationToken);
        if (result.Migrated)
            logger.LogInformation("State database {Path} migrated from schema version {From} to {To}", result.Path, result.FromVersion, result.ToVersion);
        else
            logger.LogInformation("State database {Path} ready at schema version {Version}", result.Path, result.ToVersion);
        if (!string.Equals(result.JournalMode, "wal", StringComparison.OrdinalIgnoreCase))
            logger.LogWarning("State database {Path} is in {Mode} journal mode, not WAL: the file system may not support it; reads will wait for writes", result.Path, result.JournalMode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
