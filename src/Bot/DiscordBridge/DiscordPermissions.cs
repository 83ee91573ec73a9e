using Bot.Commands.Definitions;
using Bot.Discord.Models;

namespace Bot.DiscordBridge;

/// <summary>Our transport-neutral permission names and Discord's permission bits (PROTOCOL.md §11).</summary>
internal static class DiscordPermissions
{
    private static readonly (MemberPermission Ours, Permissions Discord)[] Pairs =
    [
        (MemberPermission.ManageMessages, Permissions.ManageMessages),
        // Pinning has its own bit since 2025-08-20; Manage Messages alone stopped allowing it in 2026.
        (MemberPermission.PinMessages, Permissions.PinMessages),
        (MemberPermission.CreateEvents, Permissions.CreateEvents),
        (MemberPermission.ManageEvents, Permissions.ManageEvents),
        (MemberPermission.ManageGuild, Permissions.ManageGuild),
        (MemberPermission.Administrator, Permissions.Administrator),
    ];

    public static Permissions ToDiscord(MemberPermission permissions) =>
        Pairs.Where(p => permissions.HasFlag(p.Ours)).Aggregate(Permissions.None, (all, p) => all | p.Discord);

    public static MemberPermission FromDiscord(Permissions? permissions) =>
        permissions is not { } granted
            ? MemberPermission.None
            : Pairs.Where(p => (granted & p.Discord) == p.Discord).Aggregate(MemberPermission.None, (all, p) => all | p.Ours);
}
