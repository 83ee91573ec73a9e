namespace Bot.Tests.Discord;

/// <summary>Discord permission bits (PROTOCOL.md §11), written out here rather than taken from the code under test.</summary>
internal static class Bits
{
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ManageMessages = 1UL << 13;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong UseApplicationCommands = 1UL << 31;
    public const ulong ManageEvents = 1UL << 33;
    public const ulong CreateEvents = 1UL << 44;
    public const ulong PinMessages = 1UL << 51;

    /// <summary>What any member of the fixtures' server holds in the channel.</summary>
    public const ulong Member = ViewChannel | SendMessages | ReadMessageHistory | UseApplicationCommands;

    /// <summary>The bot's usual permissions there (the fixture's app_permissions): pins and events included.</summary>
    public const ulong Bot = ViewChannel | SendMessages | EmbedLinks | ReadMessageHistory | CreateEvents | PinMessages;

    public static string Text(ulong bits) => bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
