namespace Bot.Discord.Rest;

/// <summary>A route with its path parameters filled in, and optionally a query.</summary>
/// <remarks>
/// <see cref="Path"/> and <see cref="MajorKey"/> can hold an interaction token: they are used to send the
/// request and to find its bucket, and are never logged (logs name <see cref="DiscordRoute.OperationId"/>).
/// </remarks>
public sealed record BoundRoute(DiscordRoute Route, string Path, string MajorKey)
{
    public string Query { get; init; } = "";

    /// <summary>Adds a query parameter; only those the route declares (so the OpenAPI check covers them).</summary>
    public BoundRoute WithQuery(string name, string value)
    {
        if (!Route.QueryParameters.Contains(name))
            throw new ArgumentException($"{Route.OperationId} declares no query parameter '{name}'.", nameof(name));

        var pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        return this with { Query = Query.Length == 0 ? "?" + pair : Query + "&" + pair };
    }

    public override string ToString() => Route.ToString();
}
