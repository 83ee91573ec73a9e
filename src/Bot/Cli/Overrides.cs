using Bot.Discord;
using Bot.Knowledge;

namespace Bot.Cli;

/// <summary>Command-line options as configuration settings, which win over every other source.</summary>
internal static class Overrides
{
    public static Dictionary<string, string?> From(CliArguments cli)
    {
        var overrides = new Dictionary<string, string?>();
        if (cli.Knowledge is not null)
            overrides[$"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.Folder)}"] = Path.GetFullPath(cli.Knowledge);
        if (cli.Data is not null)
            overrides[$"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.DataFolder)}"] = Path.GetFullPath(cli.Data);
        if (cli.Guild is { } guild)
            overrides[$"{DiscordOptions.Section}:{nameof(DiscordOptions.GuildId)}"] = guild.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return overrides;
    }
}
