namespace Bot.Cli;

/// <summary>
/// The length of this process's whole command line as the kernel holds it, program name
/// (<c>argv[0]</c>) included. <c>args</c> leaves the program name out, and .NET reports the
/// executable's path in its place, but ONNX Runtime's start-up reads the real one: a 35 KB
/// <c>argv[0]</c> (<c>exec -a</c>) aborted the process exactly as 35 KB of arguments did.
/// </summary>
internal static class ProcessCommandLine
{
    /// <summary>Characters in <c>/proc/self/cmdline</c> (NUL separators counted), or null where there is no such file.</summary>
    public static long? Length()
    {
        try
        {
            using var cmdline = File.OpenRead("/proc/self/cmdline"); // its Length is 0: it has to be read
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = cmdline.Read(buffer)) > 0)
                total += read;
            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
