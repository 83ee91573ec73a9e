using System.Text.Json.Nodes;

namespace Bot.Discord.Local;

/// <summary>The messages the bot made here, and whom they pinged.</summary>
public sealed partial class LocalDiscordServer
{
    /// <summary>
    /// Every message the bot made here (original responses, follow-ups, channel messages), as Discord
    /// returns it after the last edit: with <c>mention_everyone</c>, <c>mentions</c> and <c>mention_roles</c>
    /// saying whom it pinged.
    /// </summary>
    public IReadOnlyList<JsonObject> Messages
    {
        get
        {
            lock (_state.Lock)
            {
                return _state.Messages.Select(m => m.DeepClone().AsObject()).ToArray();
            }
        }
    }

    /// <summary>Whether <paramref name="message"/> (one of <see cref="Messages"/>) pinged anyone: @everyone/@here, a user or a role.</summary>
    public static bool Pinged(JsonObject message) => MessageMentions.Pinged(message);

    /// <summary>The messages made here whose first embed has this title, oldest first.</summary>
    public IReadOnlyList<JsonObject> MessagesTitled(string title) =>
        Messages.Where(m => m["embeds"] is JsonArray { Count: > 0 } embeds && (string?)embeds[0]!["title"] == title).ToArray();
}
