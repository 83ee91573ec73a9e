using System.Collections;
using System.Globalization;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// The logging scope of one interaction's handling: every line logged while it is handled carries
/// <c>InteractionId</c> and <c>Command</c> (the JSON console formatter writes them under <c>Scopes</c>), so an
/// operator can pull one interaction's lines out of a busy log. Each transport opens it once, where the
/// interaction comes in.
/// </summary>
public sealed class InteractionLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public InteractionLogScope(ulong interactionId, string command)
    {
        InteractionId = interactionId;
        Command = command;
    }

    public ulong InteractionId { get; }

    /// <summary>A bounded name (<see cref="InteractionLabels.Command"/>): the command, or the owner of a clicked button.</summary>
    public string Command { get; }

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        // As text: a snowflake is beyond what a JSON reader's double holds exactly.
        0 => new(nameof(InteractionId), InteractionId.ToString(CultureInfo.InvariantCulture)),
        1 => new(nameof(Command), Command),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public static InteractionLogScope For(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new InteractionLogScope(interaction.Id, InteractionLabels.Command(interaction));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What the simple console formatter prints for the scope.</summary>
    public override string ToString() => $"Interaction {InteractionId.ToString(CultureInfo.InvariantCulture)} ({Command})";
}
