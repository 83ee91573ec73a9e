using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// Fills <see cref="DiscordOptions.Token"/> from <see cref="DiscordOptions.TokenFile"/>, the way a service
/// manager hands secrets over (systemd's <c>LoadCredential=</c>, a Docker or Kubernetes secret mounted as a
/// file): the token then never sits in the environment, where child processes and crash reports see it.
/// A file that cannot be used leaves <see cref="DiscordOptions.TokenFileProblem"/> for the start-up
/// validation to report; no message ever holds the file's content.
/// </summary>
internal sealed class TokenFileReader : IPostConfigureOptions<DiscordOptions>
{
    /// <summary>A token is about 72 characters; anything this large is the wrong file.</summary>
    internal const long MaxBytes = 4096;

    public void PostConfigure(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TokenFile))
            return;

        var key = DiscordOptions.Key(nameof(DiscordOptions.TokenFile));
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            options.TokenFileProblem = $"{DiscordOptions.Key(nameof(DiscordOptions.Token))} and {key} are both set; set only one of them.";
            return;
        }

        options.TokenFileProblem = Read(options.TokenFile, key, out var token);
        options.Token = token;
    }

    /// <summary>The file's token, trimmed; or why there is none (naming the path, which is not secret).</summary>
    private static string? Read(string path, string key, out string token)
    {
        token = "";
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
                return $"{key} is '{path}', which does not exist or is not a regular file.";

            if (file.Length > MaxBytes)
                return $"{key} is '{path}', which is {file.Length} bytes; a token file holds only the token.";

            token = File.ReadAllText(path).Trim();
            return token.Length == 0 ? $"{key} is '{path}', which is empty; put the bot token in it." : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return $"{key} is '{path}', which cannot be read ({e.GetType().Name}); check that the bot's user may read it.";
        }
    }
}
