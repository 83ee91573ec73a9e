using Bot.Commands.Definitions;
using Bot.Commands.Help;

namespace Bot.Commands.Replies;

/// <summary>The refusals for missing permissions, each naming the permission as Discord's settings show it.</summary>
public static class PermissionNotices
{
    /// <summary>"Pin Messages", "Create Events and Manage Events".</summary>
    public static string Name(MemberPermission permission) => HelpCommand.PermissionNames(permission);

    /// <summary>The member may not: "Only members with the **Pin Messages** permission can pin summaries."</summary>
    public static string MemberLacks(MemberPermission permission, string action) =>
        $"Only members with the **{Name(permission)}** permission can {action}.";

    /// <summary>The bot may not: what to grant it, and where.</summary>
    public static string BotLacks(MemberPermission permission, string action) =>
        $"I can't {action}: I need the **{Name(permission)}** permission here. Ask a server admin to grant it to my role (Server Settings → Roles) or in this channel's permissions, then try again.";
}
