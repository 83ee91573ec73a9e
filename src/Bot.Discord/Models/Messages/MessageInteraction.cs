using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Messages;

/// <summary>A message's deprecated <c>interaction</c>: which command it answers.</summary>
public sealed record MessageInteraction
{
    public ulong Id { get; init; }

    public InteractionType Type { get; init; }

    /// <summary>Command name, with subcommands.</summary>
    public string Name { get; init; } = "";

    public User? User { get; init; }
}
