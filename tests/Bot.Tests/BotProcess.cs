using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Bot.Tests;

/// <summary>
/// The built executable as a separate process, with its own environment (settings such as
/// <c>Discord__Token</c> reach it the way they reach a deployed bot), its output captured as it
/// comes, and a way to stop it the way a service manager does (SIGTERM).
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    /// <summary>Notified on every line the bot writes, at the end of its output and when it exits.</summary>
    private readonly ChangeSignal _changed = new();

    /// <summary>Raised on every line the bot writes, and when it exits.</summary>
    public event Action? Changed
    {
        add => _changed.Notified += value;
        remove => _changed.Notified -= value;
    }

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _changed.Notify();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string BotDll => Path.Combine(AppContext.BaseDirectory, "Bot.dll");

    public string Output { get { lock (_gate) return _output.ToString(); } }

    public string Error { get { lock (_gate) return _error.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(BotDll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        // A developer's own settings must not leak into the test's bot.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new BotProcess(process);
    }

    /// <summary>Runs to completion (or fails the test after a timeout).</summary>
    public static async Task<BotProcess> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var bot = Start(workingDirectory, environment, args);
        await bot.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return bot;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot did not exit within {timeout}. Standard error so far:\n{Error}");
        }

        // WaitForExit with redirected streams returns before the last lines are read; this one waits for them.
        _process.WaitForExit();
    }

    /// <summary>Waits until standard error (where logs go) contains <paramref name="text"/> (<paramref name="times"/> times).</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout, int times = 1)
    {
        await _changed.WaitUntilAsync(
            () => Occurrences(Error, text) >= times || _process.HasExited,
            timeout,
            () => $"The bot did not log '{text}' within {timeout}:\n{Error}");
        if (Occurrences(Error, text) < times)
            throw new InvalidOperationException($"The bot exited ({_process.ExitCode}) before logging '{text}':\n{Error}");
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>What systemd, Docker and Kubernetes send to stop a service.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && sys_kill(_process.Id, SIGTERM) != 0)
            throw new InvalidOperationException($"kill(SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (_gate)
                to.AppendLine(line);
        }

        _changed.Notify();
    }

    private const int SIGTERM = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int sys_kill(int pid, int signal);
}
