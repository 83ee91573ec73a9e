using System.Collections.Frozen;
using Bot.Commands.Definitions;

namespace Bot.Commands;

/// <summary>
/// The option values of one invocation, by option name: text (and channel, user or role ids) as
/// <see cref="string"/>, whole numbers as <see cref="long"/>, true/false as <see cref="bool"/>, and
/// channels whose kind the transport knows as <see cref="ChannelValue"/> (read as their id by
/// <see cref="GetString"/>). Reading a missing option, or one of another kind, gives null rather than throwing.
/// </summary>
public sealed class CommandOptions
{
    private readonly FrozenDictionary<string, object> _values;

    public CommandOptions(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var checkedValues = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            ArgumentNullException.ThrowIfNull(name);
            checkedValues[name] = value switch
            {
                string or long or bool or ChannelValue => value,
                int i => (long)i,
                null => throw new ArgumentException($"Option '{name}' has no value; leave it out instead.", nameof(values)),
                _ => throw new ArgumentException($"Option '{name}' is a {value.GetType().Name}; options are string, long, bool or ChannelValue.", nameof(values)),
            };
        }

        _values = checkedValues.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CommandOptions Empty { get; } = new([]);

    /// <summary>Shorthand for tests and consoles: <c>CommandOptions.Of(("question", "..."), ("private", true))</c>.</summary>
    public static CommandOptions Of(params (string Name, object Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    public IEnumerable<string> Names => _values.Keys;

    public bool Has(string name) => _values.ContainsKey(name);

    public string? GetString(string name) => _values.GetValueOrDefault(name) switch
    {
        string s => s,
        ChannelValue channel => channel.Id,
        _ => null,
    };

    /// <summary>A channel option: its id, and its kind when the transport said (<see cref="ChannelKind.Unknown"/> otherwise).</summary>
    public ChannelValue? GetChannel(string name) => _values.GetValueOrDefault(name) switch
    {
        ChannelValue channel => channel,
        string id => new ChannelValue(id, ChannelKind.Unknown),
        _ => null,
    };

    public long? GetInteger(string name) => _values.GetValueOrDefault(name) is long l ? l : null;

    public bool? GetBoolean(string name) => _values.GetValueOrDefault(name) is bool b ? b : null;
}

/// <summary>A channel picked for an option: its opaque id and what kind of channel it is.</summary>
public sealed record ChannelValue(string Id, ChannelKind Kind);
