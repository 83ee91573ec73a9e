using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// An interaction as it reached the bot, by either transport, with the monotonic timestamp
/// (<see cref="TimeProvider.GetTimestamp"/>) taken on arrival: Discord's 3-second window for the
/// initial response is measured from here, not from when a worker picks it up.
/// </summary>
public sealed record IncomingInteraction(Interaction Interaction, long ArrivedAt);
