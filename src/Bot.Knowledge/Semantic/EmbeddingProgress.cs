using System.Globalization;

namespace Bot.Knowledge.Semantic;

/// <summary>How far the embedding of the knowledge has come: reported when it starts, after every batch, and when it ends.</summary>
/// <param name="Done">Texts embedded so far.</param>
/// <param name="Total">Texts to embed in this run.</param>
/// <param name="Passages">Passages those texts belong to.</param>
/// <param name="Elapsed">Time since the run started, on the injected clock.</param>
public sealed record EmbeddingProgress(int Done, int Total, int Passages, TimeSpan Elapsed)
{
    public bool Finished => Done >= Total;

    /// <summary>Texts per second so far; 0 before the first batch.</summary>
    public double TextsPerSecond => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the rate so far; null until a rate is known.</summary>
    public TimeSpan? Remaining => TextsPerSecond > 0 ? TimeSpan.FromSeconds((Total - Done) / TextsPerSecond) : null;

    /// <summary>Share done, 0 to 1.</summary>
    public double Fraction => Total > 0 ? Math.Min(1.0, (double)Done / Total) : 1.0;

    /// <summary>"45 s", "3 min 05 s", "1 h 02 min": a duration as an operator reads it at a glance.</summary>
    public static string Readable(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min"),
    };
}

/// <summary>Something that shows embedding progress: the log, a progress bar on a terminal. Called from the embedding threads.</summary>
public interface IEmbeddingProgressListener
{
    void Report(EmbeddingProgress progress);
}
