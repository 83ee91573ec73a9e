using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Discord.Local.OpenApi;

/// <summary>
/// Checks requests the bot really sent (as the local Discord recorded them) against Discord's
/// OpenAPI description: the path and method exist, and a JSON body fits the operation's request
/// schema. What end-to-end tests use to prove the bot's own bodies (its command definitions, its
/// replies) are ones Discord accepts, not only the samples the REST client was tested with.
/// </summary>
public static class OpenApiRequestCheck
{
    // Discord sends default_member_permissions as a string of digits; the spec types it as integer-in-a-string.
    private static readonly HashSet<string> IntegerAsStringMembers = ["default_member_permissions"];

    /// <summary>Problems with <paramref name="request"/>, each naming the request; empty when it conforms.</summary>
    public static IReadOnlyList<string> Problems(RecordedRequest request)
    {
        var path = request.Path.Split('?')[0];
        var template = Templates.Value.FirstOrDefault(t => t.Pattern.IsMatch(path));
        if (template.Path is null)
            return [$"{request.Method} {path}: no such path in openapi.json"];
        var operation = OpenApiDescription.Operation(template.Path, new HttpMethod(request.Method));
        if (operation is null)
            return [$"{request.Method} {template.Path}: no such operation in openapi.json"];
        if (string.IsNullOrEmpty(request.Body))
            return [];
        if (!operation.Value.TryGetProperty("requestBody", out var requestBody))
            return [$"{request.Method} {template.Path}: sent a body, but the operation takes none"];
        var schema = requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var body = JsonDocument.Parse(request.Body);
        var validator = new JsonSchemaSubsetValidator(OpenApiDescription.Root) { IntegerAsStringMembers = IntegerAsStringMembers };
        return validator.Validate(body.RootElement, schema).Select(e => $"{request.Method} {template.Path}: {e}").ToArray();
    }

    /// <summary>Problems with every request the local Discord recorded.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<RecordedRequest> requests) => requests.SelectMany(Problems).ToArray();

    private static readonly Lazy<(string Path, Regex Pattern)[]> Templates = new(() =>
        OpenApiDescription.Root.GetProperty("paths").EnumerateObject()
            .Select(p => (p.Name, new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[a-z_.]+}", "[^/]+") + "$")))
            // Literal segments before parameters: "/messages/@original" must win over "/messages/{message_id}".
            .OrderByDescending(t => t.Name.Contains('{', StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(t => t.Name.Count(c => c == '{'))
            .ToArray());
}
