namespace Bot.Discord.Models.Gateway;

/// <summary>READY's <c>application</c>: its id and flags.</summary>
public sealed record PartialApplication
{
    public ulong Id { get; init; }

    public int? Flags { get; init; }
}
