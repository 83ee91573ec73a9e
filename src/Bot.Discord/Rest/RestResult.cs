using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Rest;

/// <summary>The outcome of a REST call that returns a value: the value, or a named <see cref="DiscordRestError"/>.</summary>
public sealed class RestResult<T>
{
    private RestResult(T? value, DiscordRestError? error)
    {
        Value = value;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T? Value { get; }

    public DiscordRestError? Error { get; }

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type; the type argument is always known at the call site.")]
    public static RestResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type; the type argument is always known at the call site.")]
    public static RestResult<T> Failure(DiscordRestError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error.Kind}: {Error.Message})";
}

/// <summary>The outcome of a REST call with no value (204): success, or a named <see cref="DiscordRestError"/>.</summary>
public sealed class RestResult
{
    private RestResult(DiscordRestError? error) => Error = error;

    public static RestResult Success { get; } = new(null);

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public DiscordRestError? Error { get; }

    public static RestResult Failure(DiscordRestError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public override string ToString() => IsSuccess ? "Success" : $"Failure({Error.Kind}: {Error.Message})";
}
