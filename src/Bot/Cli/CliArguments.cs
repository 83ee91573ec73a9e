using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary>What a verb was given: its positional words and the options, as parsed by <see cref="CliCommands"/>.</summary>
internal sealed record CliArguments(IReadOnlyList<string> Words, bool Json, string? Knowledge, string? Data, RetrievalMode? Mode = null, ulong? Guild = null)
{
    /// <summary><c>--folds K</c>: cross-validate with K folds (eval, fit).</summary>
    public int? Folds { get; init; }

    /// <summary><c>--out FILE</c>: where <c>fit</c> writes the model.</summary>
    public string? Out { get; init; }
}

/// <summary>A problem with what the user typed or pointed us at: one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
