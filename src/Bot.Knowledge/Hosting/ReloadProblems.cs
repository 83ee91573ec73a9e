using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Hosting;

/// <summary>
/// What the reload loop tells the operator when the knowledge folder cannot be read: each new
/// problem once (a missing folder as one plain line, anything unexpected with its stack trace),
/// nothing while the same problem lasts, and one line when reading works again. The loop retries
/// every poll interval, so without this a deleted folder wrote a stack trace every second.
/// </summary>
internal sealed class ReloadProblems(string folder, ILogger logger)
{
    private string? current;

    public void Failed(Exception e)
    {
        var what = e is KnowledgeFolderMissingException ? "missing" : $"{e.GetType().FullName}: {e.Message}";
        if (what == current)
            return;
        current = what;
        if (e is KnowledgeFolderMissingException)
            logger.LogWarning("The knowledge folder {Folder} is missing; still answering from the last index, and reading it again once it is back", folder);
        else
            logger.LogError(e, "Reloading the knowledge folder {Folder} failed; still answering from the previous index", folder);
    }

    public void Succeeded()
    {
        if (current is null)
            return;
        current = null;
        logger.LogInformation("The knowledge folder {Folder} is readable again", folder);
    }
}
