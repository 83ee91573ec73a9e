using System.Security.Cryptography;
using System.Text;

namespace Bot.Knowledge;

/// <summary>
/// The secret that authenticates state the bot hands to Discord and gets back from anyone: a
/// trivia question's id rides in its buttons' custom_ids, which every client can read and any
/// client can forge. A keyed MAC (HMAC-SHA256) over that state cannot be computed without the
/// secret, so a client can neither make up an id nor try the four options against a check to
/// learn the answer before clicking. The secret comes from configuration
/// (<c>Knowledge:StateKey</c>, base64 of at least 32 bytes: give every replica the same one), or
/// is generated into the data folder on first start (<c>state.key</c>, readable by its owner only).
/// It never appears in a log, an exception or a reply.
/// </summary>
public sealed class StateKey
{
    public const string FileName = "state.key";

    /// <summary>Shortest secret accepted: HMAC-SHA256's own block of security.</summary>
    public const int MinBytes = 32;

    private readonly byte[] _secret;

    private StateKey(byte[] secret) => _secret = secret;

    /// <summary>A key of fresh random bytes, for one process only: what it signs does not survive a restart.</summary>
    public static StateKey Random() => new(RandomNumberGenerator.GetBytes(MinBytes));

    /// <summary>The configured key (base64), else the one in the data folder, created there on first use.</summary>
    /// <exception cref="ArgumentException">The configured key is not base64 of at least <see cref="MinBytes"/> bytes (its value is not repeated).</exception>
    public static StateKey LoadOrCreate(string dataFolder, string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return new StateKey(Decode(configured) ?? throw new ArgumentException($"Knowledge:StateKey must be base64 of at least {MinBytes} bytes (for example: openssl rand -base64 32)."));

        var path = Path.Combine(Path.GetFullPath(dataFolder), FileName);
        if (File.Exists(path) && Decode(File.ReadAllText(path)) is { } stored)
            return new StateKey(stored);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = RandomNumberGenerator.GetBytes(MinBytes);
        var staging = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(staging, options))
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(created)));
        try
        {
            // Two processes starting together: the first rename wins and both use its key.
            File.Move(staging, path, overwrite: false);
            return new StateKey(created);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(staging);
            return new StateKey(Decode(File.ReadAllText(path)) ?? created);
        }
    }

    /// <summary>The first <paramref name="hexDigits"/> hex digits of HMAC-SHA256 of <paramref name="text"/>.</summary>
    public string Mac(string text, int hexDigits) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)))[..hexDigits];

    public override string ToString() => "StateKey(hidden)";

    private static byte[]? Decode(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length >= MinBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
