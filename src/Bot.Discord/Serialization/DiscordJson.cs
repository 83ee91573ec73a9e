using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models;
using Bot.Discord.Models.Channels;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Gateway;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Discord.Models.Rest;
using Bot.Discord.Models.ScheduledEvents;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Serialization;

/// <summary>
/// The one source-generated JSON context for every Discord payload: use its type infos
/// (<c>DiscordJson.Default.Interaction</c>, …) or <see cref="JsonSerializerContext.Options"/>.
/// </summary>
/// <remarks>
/// Names are snake_case; unknown members are skipped on read. On write, <c>null</c> members are left
/// out (optional fields), members marked <c>JsonIgnoreCondition.Never</c> are written even when
/// <c>null</c> (fields Discord always sends, possibly null), and absent <see cref="Optional{T}"/>s are
/// left out. Every <c>ulong</c> is a snowflake, written as a string.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter)])]
// Gateway
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(OutboundGatewayPayload<IdentifyData>))]
[JsonSerializable(typeof(OutboundGatewayPayload<ResumeData>))]
[JsonSerializable(typeof(OutboundGatewayPayload<int?>))]
[JsonSerializable(typeof(OutboundGatewayPayload<PresenceUpdate>))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(IdentifyData))]
[JsonSerializable(typeof(IdentifyConnectionProperties))]
[JsonSerializable(typeof(Shard))]
[JsonSerializable(typeof(PresenceUpdate))]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResumeData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(PartialApplication))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(SessionStartLimit))]
[JsonSerializable(typeof(bool))] // INVALID_SESSION's d
// Interactions
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionData))]
[JsonSerializable(typeof(InteractionDataOption))]
[JsonSerializable(typeof(ResolvedData))]
[JsonSerializable(typeof(Entitlement))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionCallbackData))]
[JsonSerializable(typeof(InteractionCallbackResponse))]
[JsonSerializable(typeof(InteractionCallback))]
[JsonSerializable(typeof(InteractionCallbackResource))]
[JsonSerializable(typeof(ActivityInstance))]
// Commands
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(ApplicationCommandOption))]
[JsonSerializable(typeof(ApplicationCommandOptionChoice))]
[JsonSerializable(typeof(OptionValue))]
// Messages
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(CreateMessageRequest))]
[JsonSerializable(typeof(CreateFollowupMessageRequest))]
[JsonSerializable(typeof(EditWebhookMessageRequest))]
[JsonSerializable(typeof(Embed))]
[JsonSerializable(typeof(EmbedFooter))]
[JsonSerializable(typeof(EmbedMedia))]
[JsonSerializable(typeof(EmbedProvider))]
[JsonSerializable(typeof(EmbedAuthor))]
[JsonSerializable(typeof(EmbedField))]
[JsonSerializable(typeof(AllowedMentions))]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(MessageReference))]
[JsonSerializable(typeof(MessageInteraction))]
[JsonSerializable(typeof(MessageInteractionMetadata))]
[JsonSerializable(typeof(ChannelPinsResponse))]
[JsonSerializable(typeof(MessagePin))]
// Components
[JsonSerializable(typeof(Component))]
[JsonSerializable(typeof(SelectOption))]
[JsonSerializable(typeof(Emoji))]
[JsonSerializable(typeof(SelectDefaultValue))]
[JsonSerializable(typeof(UnfurledMediaItem))]
[JsonSerializable(typeof(MediaGalleryItem))]
// Users, guilds, channels
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(PartialGuild))]
[JsonSerializable(typeof(UnavailableGuild))]
[JsonSerializable(typeof(Channel))]
// Scheduled events
[JsonSerializable(typeof(GuildScheduledEvent))]
[JsonSerializable(typeof(IReadOnlyList<GuildScheduledEvent>))]
[JsonSerializable(typeof(CreateGuildScheduledEventRequest))]
[JsonSerializable(typeof(GuildScheduledEventEntityMetadata))]
// REST errors
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(RateLimitResponse))]
// Values inside Optional<T>: its converter is opaque to the generator, which would not emit them otherwise.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(ulong?))]
[JsonSerializable(typeof(DateTimeOffset?))]
[JsonSerializable(typeof(Permissions?))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<InteractionContextType>))]
[JsonSerializable(typeof(JsonElement))]
public partial class DiscordJson : JsonSerializerContext;
