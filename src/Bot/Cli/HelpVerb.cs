namespace Bot.Cli;

/// <summary>
/// <c>help</c> and <c>help VERB</c>, as the README has always shown them, are System.CommandLine's
/// <c>--help</c> and <c>VERB --help</c>.
/// </summary>
internal static class HelpVerb
{
    public static string[] AsOption(string[] args) =>
        args is ["help", .. var rest] ? [.. rest, "--help"] : args;
}
