using System.Globalization;
using System.Text;
using Bot.Discord.Models.Commands;

namespace Bot.Registration;

/// <summary>
/// The parts of a command a user sees (name, description, options, default permissions), as one
/// string: equal signatures mean registering again would change nothing. Discord echoes commands
/// back with ids, versions and filled-in defaults (<c>required: false</c>, <c>contexts</c>, ...), so
/// comparing whole JSON documents would report every command as changed.
/// </summary>
internal static class CommandSignature
{
    public static string Of(ApplicationCommand command)
    {
        var text = new StringBuilder();
        text.Append((int)(command.Type ?? ApplicationCommandType.ChatInput)).Append('|')
            .Append(command.Name).Append('|')
            .Append(command.Description ?? "").Append('|')
            .Append(command.DefaultMemberPermissions.HasValue && command.DefaultMemberPermissions.Value is { } permissions
                ? ((ulong)permissions).ToString(CultureInfo.InvariantCulture)
                : "-");
        Append(text, command.Options);
        return text.ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<ApplicationCommandOption>? options)
    {
        foreach (var option in options ?? [])
        {
            text.Append("|(")
                .Append((int)option.Type).Append(',')
                .Append(option.Name).Append(',')
                .Append(option.Description).Append(',')
                .Append(option.Required ?? false).Append(',')
                .Append(option.Autocomplete ?? false).Append(',')
                .Append(option.MinLength?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(option.MaxLength?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(option.MinValue?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(option.MaxValue?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(string.Join('/', (option.ChannelTypes ?? []).Select(t => (int)t)));
            foreach (var choice in option.Choices ?? [])
                text.Append(",{").Append(choice.Name).Append('=').Append(choice.Value).Append('}');
            Append(text, option.Options);
            text.Append(')');
        }
    }
}
