using System.Globalization;
using Bot.Knowledge.Semantic;

namespace Bot.Cli;

/// <summary>
/// Embedding progress as one line redrawn in place on a terminal's standard error, while a
/// command waits for the vectors of a folder it has not indexed yet; cleared when done, so what
/// remains on the screen is the answer. Only wired when standard error is a terminal and the
/// output is not JSON (<see cref="Terminal"/>): a redirected stream or a script never sees it.
/// </summary>
internal sealed class TerminalProgressBar(TextWriter terminal, TimeProvider time) : IEmbeddingProgressListener
{
    /// <summary>Often enough to look alive, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private const int Width = 24;
    private const string ClearLine = "\r\u001b[2K";

    private readonly Lock _gate = new();
    private long _lastDraw;
    private bool _shown;

    /// <summary>Where to draw the bar: standard error when it is a terminal and the command prints text, not JSON; null for no bar.</summary>
    public static TextWriter? Terminal(CliArguments cli, TextWriter error) =>
        !cli.Json && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? error : null;

    public void Report(EmbeddingProgress progress)
    {
        lock (_gate)
        {
            if (progress.Finished)
            {
                if (_shown)
                    terminal.Write(ClearLine);
                _shown = false;
            }
            else if (!_shown || time.GetElapsedTime(_lastDraw) >= RedrawInterval)
            {
                terminal.Write(ClearLine + Render(progress));
                _lastDraw = time.GetTimestamp();
                _shown = true;
            }

            terminal.Flush();
        }
    }

    /// <summary>"Embedding the knowledge [#########---------------]  38%  1,204/3,170 texts  92 texts/s  21 s left".</summary>
    public static string Render(EmbeddingProgress progress)
    {
        var filled = (int)Math.Round(progress.Fraction * Width);
        var rate = progress.TextsPerSecond > 0 ? string.Create(CultureInfo.InvariantCulture, $"  {progress.TextsPerSecond:0} texts/s") : "";
        var left = progress.Remaining is { } remaining ? $"  {EmbeddingProgress.Readable(remaining)} left" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Embedding the knowledge [{new string('#', filled)}{new string('-', Width - filled)}] {progress.Fraction * 100,3:0}%  {progress.Done:N0}/{progress.Total:N0} texts{rate}{left}");
    }
}
