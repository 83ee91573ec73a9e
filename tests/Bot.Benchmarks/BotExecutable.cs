using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bot.Discord.Local;

namespace Bot.Benchmarks;

/// <summary>
/// The bot executable (the Release build beside the benchmarks) started against the local Discord:
/// on its gateway, or as an HTTP interactions endpoint.
/// </summary>
internal static class BotExecutable
{
    /// <summary>In Http mode on <paramref name="port"/>, trusting <paramref name="publicKey"/>.</summary>
    public static Process StartHttp(LocalDiscordServer discord, int port, string publicKey, IReadOnlyDictionary<string, string> settings, Action<string> errorLine) =>
        Start(discord, (port, publicKey), settings, errorLine);

    /// <param name="http">The port and public key of an HTTP interactions endpoint, or null for the gateway.</param>
    /// <param name="settings">Environment settings on top of the Discord ones (<c>Knowledge__Folder</c>, <c>Logging__LogLevel__Default</c>...).</param>
    /// <param name="errorLine">Every line the bot writes to standard error (its log), as it comes; standard output is drained.</param>
    public static Process Start(LocalDiscordServer discord, (int Port, string PublicKey)? http, IReadOnlyDictionary<string, string> settings, Action<string> errorLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        if (http is { } endpoint)
        {
            start.Environment["Discord__Transport"] = "Http";
            start.Environment["Discord__HttpUrls"] = $"http://127.0.0.1:{endpoint.Port}";
            start.Environment["Discord__PublicKey"] = endpoint.PublicKey;
        }

        start.Environment["Discord__Token"] = discord.Token;
        start.Environment["Discord__ApplicationId"] = discord.ApplicationId.ToString(CultureInfo.InvariantCulture);
        start.Environment["Discord__ApiBaseUrl"] = discord.BaseUrl;
        foreach (var (name, value) in settings)
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        // Drain both streams so a chatty bot never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
                errorLine(line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A port on 127.0.0.1 free a moment ago, for the bot's listener.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
