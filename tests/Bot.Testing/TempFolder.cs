namespace Bot.Testing;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string Combine(params string[] parts) => Path.Combine([FullPath, .. parts]);

    public void Dispose()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(FullPath))
                    Directory.Delete(FullPath, recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 5)
            {
                // A watcher or reader not yet disposed may still hold a file: its finalizer lets go of it.
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            catch (IOException)
            {
                // A child process that held a file may still be exiting; the OS temp cleaner gets it.
                return;
            }
        }
    }
}
