using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Bot.Discord.Serialization;

namespace Bot.Discord.Models;

/// <summary>
/// A field Discord documents as both optional and nullable (<c>field?: ?type</c>): it can be
/// absent, present with <c>null</c>, or present with a value, and the difference shows on the wire.
/// <c>default</c> is absent; assigning a value (including <c>null</c>) makes it present.
/// </summary>
/// <remarks>
/// Every property of this type carries <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]</c>
/// so that an absent value is left out when writing; the converter refuses to write one.
/// </remarks>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Discord's own word for a field that may be absent; the bot is written in C#, where Optional is no keyword.")]
[JsonConverter(typeof(OptionalConverterFactory))]
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>Absent: the field was not in the JSON, or will not be written.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Optional<T>.Absent reads as what it is; the type argument is always known at the call site.")]
    public static Optional<T> Absent => default;

    /// <summary>True when the field is present, even if its value is <c>null</c>.</summary>
    public bool HasValue { get; }

    /// <summary>The value of a present field; throws when the field is absent.</summary>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional field is absent.");

    /// <summary>The value, or <c>default</c> when absent (so absent and <c>null</c> read the same).</summary>
    public T? GetValueOrDefault() => HasValue ? _value : default;

    public static implicit operator Optional<T>(T value) => new(value);

    public bool Equals(Optional<T> other) =>
        HasValue == other.HasValue && EqualityComparer<T>.Default.Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    public override int GetHashCode() => HasValue ? HashCode.Combine(true, _value) : 0;

    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "(absent)";
}
