namespace Bot.Discord.Rest;

/// <summary>What authenticates a route.</summary>
public enum RouteAuth
{
    /// <summary><c>Authorization: Bot &lt;token&gt;</c>.</summary>
    BotToken,

    /// <summary>
    /// The interaction token in the path is the credential (callbacks and interaction webhooks); the
    /// spec marks bot auth optional there and we send none, so a leaked log of these calls holds no bot token.
    /// </summary>
    TokenInPath,
}
