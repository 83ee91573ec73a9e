using System.Text.Json;

namespace Bot.Registration;

/// <summary>
/// The hash of the command definitions last registered, per scope (global or one guild), in a small
/// JSON file in the data folder. The bot registers at start only when the hash differs: Discord
/// limits command creates per day, and registering on every start (or worse, in a READY handler
/// that runs on every reconnect) would spend that budget for nothing.
/// </summary>
internal sealed class RegistrationState(string path)
{
    public string Path { get; } = path;

    public static string Scope(ulong applicationId, ulong? guildId) =>
        guildId is { } guild ? $"{applicationId}/guild/{guild}" : $"{applicationId}/global";

    public string? Read(string scope)
    {
        var all = Load();
        return all.TryGetValue(scope, out var hash) ? hash : null;
    }

    public void Write(string scope, string hash)
    {
        var all = Load();
        all[scope] = hash;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        // Write-then-rename, so a crash mid-write leaves the old file rather than half a file.
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(all, RegistrationJson.Default.DictionaryStringString));
        File.Move(temporary, Path, overwrite: true);
    }

    private Dictionary<string, string> Load()
    {
        try
        {
            return File.Exists(Path)
                ? JsonSerializer.Deserialize(File.ReadAllText(Path), RegistrationJson.Default.DictionaryStringString) ?? []
                : [];
        }
        catch (JsonException)
        {
            // A damaged file only costs one extra registration.
            return [];
        }
    }
}
