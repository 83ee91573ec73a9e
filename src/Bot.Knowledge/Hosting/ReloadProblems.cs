using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Hosting;

/// <summary>
/// What the reload loop tells the operator when the knowledge folder cannot be read: each new
/// problem once (a missing folder as one plain line, anything unexpected with its stack trace),
/// nothing while the same problem lasts, and one line when reading works again. The loop retries
/// every poll interval, so without this a deleted folder wrote a stack trace every second.
/// </summary>
internal sealed partial class ReloadProblems(string folder, ILogger logger)
{
    private string? _current;

    public void Failed(Exception e)
    {
        var what = e is KnowledgeFolderMissingException ? "missing" : $"{e.GetType().FullName}: {e.Message}";
        if (what == _current)
            return;
        _current = what;
        if (e is KnowledgeFolderMissingException)
            Log.FolderMissing(logger, folder);
        else
            Log.ReloadFailed(logger, e, folder);
    }

    public void Succeeded()
    {
        if (_current is null)
            return;
        _current = null;
        Log.ReadableAgain(logger, folder);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The knowledge folder {Folder} is missing; still answering from the last index, and reading it again once it is back")]
        public static partial void FolderMissing(ILogger logger, string folder);

        [LoggerMessage(2, LogLevel.Error, "Reloading the knowledge folder {Folder} failed; still answering from the previous index")]
        public static partial void ReloadFailed(ILogger logger, Exception exception, string folder);

        [LoggerMessage(3, LogLevel.Information, "The knowledge folder {Folder} is readable again")]
        public static partial void ReadableAgain(ILogger logger, string folder);
    }
}
