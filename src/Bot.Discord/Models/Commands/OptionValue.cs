using System.Globalization;
using System.Text.Json.Serialization;
using Bot.Discord.Serialization;

namespace Bot.Discord.Models.Commands;

/// <summary>
/// The <c>value</c> of a received option or of a choice: a string, an integer, a double or a boolean.
/// USER, CHANNEL, ROLE, MENTIONABLE and ATTACHMENT options carry an id string here (see <see cref="TryGetSnowflake"/>).
/// </summary>
[JsonConverter(typeof(OptionValueConverter))]
public readonly struct OptionValue : IEquatable<OptionValue>
{
    private readonly string? _string;
    private readonly long _integer;
    private readonly double _number;

    private OptionValue(OptionValueKind kind, string? text, long integer, double number)
    {
        Kind = kind;
        _string = text;
        _integer = integer;
        _number = number;
    }

    public OptionValueKind Kind { get; }

    public static OptionValue FromString(string value) => new(OptionValueKind.String, value, 0, 0);

    public static OptionValue FromInteger(long value) => new(OptionValueKind.Integer, null, value, value);

    public static OptionValue FromNumber(double value) => new(OptionValueKind.Number, null, 0, value);

    public static OptionValue FromBoolean(bool value) => new(OptionValueKind.Boolean, null, value ? 1 : 0, 0);

    public static implicit operator OptionValue(string value) => FromString(value);

    public static implicit operator OptionValue(long value) => FromInteger(value);

    public static implicit operator OptionValue(double value) => FromNumber(value);

    public static implicit operator OptionValue(bool value) => FromBoolean(value);

    public bool TryGetString(out string value)
    {
        value = _string ?? "";
        return Kind == OptionValueKind.String;
    }

    public bool TryGetInt64(out long value)
    {
        value = _integer;
        return Kind == OptionValueKind.Integer;
    }

    /// <summary>True for integers and doubles alike (a NUMBER option may arrive without a fraction).</summary>
    public bool TryGetDouble(out double value)
    {
        value = _number;
        return Kind is OptionValueKind.Integer or OptionValueKind.Number;
    }

    public bool TryGetBoolean(out bool value)
    {
        value = _integer != 0;
        return Kind == OptionValueKind.Boolean;
    }

    /// <summary>The id carried by USER, CHANNEL, ROLE, MENTIONABLE and ATTACHMENT options.</summary>
    public bool TryGetSnowflake(out ulong id)
    {
        id = 0;
        return Kind == OptionValueKind.String
            && ulong.TryParse(_string, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    public bool Equals(OptionValue other) =>
        Kind == other.Kind && _string == other._string && _integer == other._integer && _number.Equals(other._number);

    public override bool Equals(object? obj) => obj is OptionValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _string, _integer, _number);

    public static bool operator ==(OptionValue left, OptionValue right) => left.Equals(right);

    public static bool operator !=(OptionValue left, OptionValue right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        OptionValueKind.String => _string!,
        OptionValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        OptionValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        OptionValueKind.Boolean => _integer != 0 ? "true" : "false",
        _ => "",
    };
}
