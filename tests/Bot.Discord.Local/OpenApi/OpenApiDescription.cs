using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local.OpenApi;

/// <summary>
/// Discord's OpenAPI description: <c>../shared/discord/openapi.json</c> when the shared folder is beside the
/// repository, else the copy vendored in <c>Fixtures/openapi/</c> (discord/discord-api-spec
/// <c>specs/openapi.json</c> at commit 74fda0fad044407ea280043a03ffc9bc64c4e49e, 2026-07-18).
/// </summary>
public static partial class OpenApiDescription
{
    public static string? SharedPath { get; } =
        FixtureFiles.SharedDirectory is { } fixtures && File.Exists(Path.Combine(fixtures, "..", "openapi.json"))
            ? Path.GetFullPath(Path.Combine(fixtures, "..", "openapi.json"))
            : null;

    public static string VendoredPath { get; } = Path.Combine(AppContext.BaseDirectory, "OpenApi", "openapi.json");

    public static string FilePath => SharedPath ?? VendoredPath;

    private static readonly Lazy<JsonDocument> Loaded = new(() => JsonDocument.Parse(File.ReadAllBytes(FilePath)));

    public static JsonElement Root => Loaded.Value.RootElement;

    /// <summary>The spec's path whose template equals <paramref name="template"/> up to parameter names.</summary>
    public static string? FindPath(string template)
    {
        var wanted = Normalize(template);
        return Root.GetProperty("paths").EnumerateObject().Select(p => p.Name).SingleOrDefault(name => Normalize(name) == wanted);
    }

    public static JsonElement? Operation(string path, HttpMethod method) =>
        Root.GetProperty("paths").GetProperty(path).TryGetProperty(method.Method.ToLowerInvariant(), out var operation) ? operation : null;

    /// <summary>Path parameters become <c>{}</c>: the client names them as the docs do (<c>application_id</c>, <c>interaction_token</c>), the spec its own way (<c>webhook_id</c>, <c>webhook_token</c>).</summary>
    public static string Normalize(string template) => Parameter().Replace(template, "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
