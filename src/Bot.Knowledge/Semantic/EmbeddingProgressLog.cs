using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// Embedding progress in the log, for the operator of a bot that answers by words while its
/// vectors are built: one line when a run starts, one each time another tenth is done (but not
/// more often than every <see cref="MinInterval"/>, so a fast run is not a burst of lines), and
/// one when it ends, each with the texts done, the rate and the time left.
/// </summary>
internal sealed partial class EmbeddingProgressLog(ILogger logger, TimeProvider time) : IEmbeddingProgressListener
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private long _lastLine;
    private int _lastTenth;

    public void Report(EmbeddingProgress progress)
    {
        lock (_gate)
        {
            if (progress.Done == 0)
            {
                _lastLine = time.GetTimestamp();
                _lastTenth = 0;
                if (!progress.Finished)
                    Started(logger, progress.Total, progress.Passages);
                return;
            }

            if (progress.Finished)
            {
                Finished(logger, progress.Total, progress.Passages, EmbeddingProgress.Readable(progress.Elapsed), progress.TextsPerSecond);
                return;
            }

            var tenth = (int)(progress.Fraction * 10);
            if (tenth <= _lastTenth || time.GetElapsedTime(_lastLine) < MinInterval)
                return;
            _lastTenth = tenth;
            _lastLine = time.GetTimestamp();
            Advanced(logger, progress.Done, progress.Total, progress.Fraction * 100, progress.TextsPerSecond, progress.Remaining is { } left ? EmbeddingProgress.Readable(left) : "?");
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Embedding {Total} texts of {Passages} passages for answers by meaning")]
    private static partial void Started(ILogger logger, int total, int passages);

    [LoggerMessage(2, LogLevel.Information, "Embedded {Done} of {Total} texts ({Percent:0}%), {Rate:0.0} texts/s, about {Remaining} left")]
    private static partial void Advanced(ILogger logger, int done, int total, double percent, double rate, string remaining);

    [LoggerMessage(3, LogLevel.Information, "Embedded {Total} texts of {Passages} passages in {Elapsed} ({Rate:0.0} texts/s)")]
    private static partial void Finished(ILogger logger, int total, int passages, string elapsed, double rate);
}
