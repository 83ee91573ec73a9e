namespace Bot.Discord.Rest;

/// <summary>
/// Every route <see cref="DiscordRestClient"/> calls, in one place: the OpenAPI conformance test
/// checks each against Discord's description (path, method, operationId, query, auth, body schema).
/// </summary>
public static class DiscordRoutes
{
    public static DiscordRoute GetGatewayBot { get; } = new("get_bot_gateway", HttpMethod.Get, "/gateway/bot");

    public static DiscordRoute ListApplicationCommands { get; } =
        new("list_application_commands", HttpMethod.Get, "/applications/{application_id}/commands")
        {
            QueryParameters = ["with_localizations"],
        };

    public static DiscordRoute BulkOverwriteApplicationCommands { get; } =
        new("bulk_set_application_commands", HttpMethod.Put, "/applications/{application_id}/commands")
        {
            HasJsonBody = true,
        };

    public static DiscordRoute ListGuildApplicationCommands { get; } =
        new("list_guild_application_commands", HttpMethod.Get, "/applications/{application_id}/guilds/{guild_id}/commands")
        {
            MajorParameters = ["guild_id"],
            QueryParameters = ["with_localizations"],
        };

    public static DiscordRoute BulkOverwriteGuildApplicationCommands { get; } =
        new("bulk_set_guild_application_commands", HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands")
        {
            MajorParameters = ["guild_id"],
            HasJsonBody = true,
        };

    public static DiscordRoute CreateInteractionResponse { get; } =
        new("create_interaction_response", HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback")
        {
            Auth = RouteAuth.TokenInPath,
            ExemptFromGlobalLimit = true,
            MajorParameters = ["interaction_id", "interaction_token"],
            QueryParameters = ["with_response"],
            HasJsonBody = true,
        };

    public static DiscordRoute EditOriginalInteractionResponse { get; } =
        new("update_original_webhook_message", HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original")
        {
            Auth = RouteAuth.TokenInPath,
            ExemptFromGlobalLimit = true,
            MajorParameters = ["application_id", "interaction_token"],
            HasJsonBody = true,
        };

    /// <summary>The initial response as a message: how its id is learnt when the callback did not return it.</summary>
    public static DiscordRoute GetOriginalInteractionResponse { get; } =
        new("get_original_webhook_message", HttpMethod.Get, "/webhooks/{application_id}/{interaction_token}/messages/@original")
        {
            Auth = RouteAuth.TokenInPath,
            ExemptFromGlobalLimit = true,
            MajorParameters = ["application_id", "interaction_token"],
        };

    public static DiscordRoute DeleteOriginalInteractionResponse { get; } =
        new("delete_original_webhook_message", HttpMethod.Delete, "/webhooks/{application_id}/{interaction_token}/messages/@original")
        {
            Auth = RouteAuth.TokenInPath,
            ExemptFromGlobalLimit = true,
            MajorParameters = ["application_id", "interaction_token"],
        };

    public static DiscordRoute CreateFollowupMessage { get; } =
        new("execute_webhook", HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}")
        {
            Auth = RouteAuth.TokenInPath,
            ExemptFromGlobalLimit = true,
            MajorParameters = ["application_id", "interaction_token"],
            QueryParameters = ["wait"],
            HasJsonBody = true,
        };

    /// <summary>The current pin route (2025-06-25); <c>PUT /channels/{id}/pins/{id}</c> is deprecated.</summary>
    public static DiscordRoute PinMessage { get; } =
        new("create_pin", HttpMethod.Put, "/channels/{channel_id}/messages/pins/{message_id}")
        {
            MajorParameters = ["channel_id"],
        };

    public static DiscordRoute CreateGuildScheduledEvent { get; } =
        new("create_guild_scheduled_event", HttpMethod.Post, "/guilds/{guild_id}/scheduled-events")
        {
            MajorParameters = ["guild_id"],
            HasJsonBody = true,
        };

    public static DiscordRoute CreateMessage { get; } =
        new("create_message", HttpMethod.Post, "/channels/{channel_id}/messages")
        {
            MajorParameters = ["channel_id"],
            HasJsonBody = true,
        };

    public static IReadOnlyList<DiscordRoute> All { get; } =
    [
        GetGatewayBot,
        ListApplicationCommands,
        BulkOverwriteApplicationCommands,
        ListGuildApplicationCommands,
        BulkOverwriteGuildApplicationCommands,
        CreateInteractionResponse,
        EditOriginalInteractionResponse,
        GetOriginalInteractionResponse,
        DeleteOriginalInteractionResponse,
        CreateFollowupMessage,
        PinMessage,
        CreateGuildScheduledEvent,
        CreateMessage,
    ];
}
