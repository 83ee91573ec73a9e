using System.Collections.Frozen;

namespace Bot.Commands;

/// <summary>
/// The option values of one invocation, by option name: text (and channel, user or role ids) as
/// <see cref="string"/>, whole numbers as <see cref="long"/>, true/false as <see cref="bool"/>.
/// Reading a missing option, or one of another kind, gives null rather than throwing.
/// </summary>
public sealed class CommandOptions
{
    private readonly FrozenDictionary<string, object> values;

    public CommandOptions(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var checkedValues = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            ArgumentNullException.ThrowIfNull(name);
            checkedValues[name] = value switch
            {
                string or long or bool => value,
                int i => (long)i,
                null => throw new ArgumentException($"Option '{name}' has no value; leave it out instead.", nameof(values)),
                _ => throw new ArgumentException($"Option '{name}' is a {value.GetType().Name}; options are string, long or bool.", nameof(values)),
            };
        }

        this.values = checkedValues.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CommandOptions Empty { get; } = new([]);

    /// <summary>Shorthand for tests and consoles: <c>CommandOptions.Of(("question", "..."), ("private", true))</c>.</summary>
    public static CommandOptions Of(params (string Name, object Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    public IEnumerable<string> Names => values.Keys;

    public bool Has(string name) => values.ContainsKey(name);

    public string? GetString(string name) => values.GetValueOrDefault(name) as string;

    public long? GetInteger(string name) => values.GetValueOrDefault(name) is long l ? l : null;

    public bool? GetBoolean(string name) => values.GetValueOrDefault(name) is bool b ? b : null;
}
