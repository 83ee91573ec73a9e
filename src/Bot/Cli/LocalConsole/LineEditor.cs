using System.Text;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// Reads a line key by key from a terminal, so Tab can complete: command names after <c>/</c>,
/// and suggestions for an option that has them (one is filled in; several are listed). Also
/// Backspace, Up/Down through earlier lines, Ctrl+U or Escape to clear, Ctrl+D on an empty
/// line to leave. Only for a real terminal on both ends; redirected input is read line by line.
/// </summary>
internal sealed class LineEditor(string prompt, Func<string, CancellationToken, Task<ConsoleCompletion?>> complete)
{
    private readonly List<string> _history = [];
    private int _shownLength;

    /// <summary>The line typed, or null when the user pressed Ctrl+D on an empty line.</summary>
    public string? ReadLine(CancellationToken cancellationToken)
    {
        var buffer = new StringBuilder();
        var recalled = _history.Count;
        _shownLength = 0;
        Console.Write(prompt);
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                var line = buffer.ToString();
                if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
                    _history.Add(line);
                return line;
            }

            if (IsEndOfInput(key, buffer))
            {
                Console.WriteLine();
                return null;
            }

            Edit(key, buffer, ref recalled, cancellationToken);
        }

        return null;
    }

    /// <summary>Ctrl+D (as a key, or as the character a terminal sends for it) on an empty line.</summary>
    private static bool IsEndOfInput(ConsoleKeyInfo key, StringBuilder buffer) =>
        buffer.Length == 0 && ((key.Key == ConsoleKey.D && key.Modifiers.HasFlag(ConsoleModifiers.Control)) || key.KeyChar == '\u0004');

    /// <summary>What every other key does to the line: delete, complete, recall history, clear, or type.</summary>
    private void Edit(ConsoleKeyInfo key, StringBuilder buffer, ref int recalled, CancellationToken cancellationToken)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        switch (key.Key)
        {
            case ConsoleKey.Backspace:
                if (buffer.Length > 0)
                {
                    var cut = buffer.Length >= 2 && char.IsLowSurrogate(buffer[^1]) && char.IsHighSurrogate(buffer[^2]) ? 2 : 1;
                    buffer.Length -= cut;
                    Redraw(buffer);
                }

                break;
            case ConsoleKey.Tab:
                Complete(buffer, cancellationToken);
                break;
            case ConsoleKey.UpArrow or ConsoleKey.DownArrow when _history.Count > 0:
                recalled = Math.Clamp(recalled + (key.Key == ConsoleKey.UpArrow ? -1 : 1), 0, _history.Count);
                buffer.Clear().Append(recalled < _history.Count ? _history[recalled] : "");
                Redraw(buffer);
                break;
            case ConsoleKey.Escape:
            case ConsoleKey.U when control:
                buffer.Clear();
                Redraw(buffer);
                break;
            case ConsoleKey.D when control:
                break; // on a non-empty line Ctrl+D does nothing
            default:
                if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                {
                    buffer.Append(key.KeyChar);
                    Console.Write(key.KeyChar);
                    _shownLength++;
                }

                break;
        }
    }

    private void Complete(StringBuilder buffer, CancellationToken cancellationToken)
    {
        var line = buffer.ToString();
        var completion = complete(line, cancellationToken).GetAwaiter().GetResult();
        if (completion is null || completion.Choices.Count == 0)
        {
            Console.Write('\a');
            return;
        }

        var values = completion.Choices.Select(c => c.Value).ToArray();
        var insert = values.Length == 1
            ? values[0] + (completion.IsCommandName ? " " : "")
            : CommonPrefix(values);
        if (insert.Length > completion.Typed.Length || values.Length == 1)
        {
            buffer.Length = Math.Min(completion.ReplaceFrom, buffer.Length);
            buffer.Append(insert);
        }

        if (values.Length > 1)
        {
            Console.WriteLine();
            Console.WriteLine(ConsoleSession.Describe(completion));
            _shownLength = 0;
            Console.Write(prompt);
            Console.Write(buffer.ToString());
            _shownLength = buffer.Length;
            return;
        }

        Redraw(buffer);
    }

    /// <summary>Rewrites the prompt and line in place, however many terminal rows the old one took.</summary>
    private void Redraw(StringBuilder buffer)
    {
        var width = SafeWidth();
        var rows = (prompt.Length + _shownLength) / width;
        var text = new StringBuilder();
        if (rows > 0)
            text.Append("\u001b[").Append(rows).Append('A');
        text.Append("\r\u001b[J").Append(prompt).Append(buffer);
        Console.Write(text.ToString());
        _shownLength = buffer.Length;
    }

    /// <summary>The terminal's width; 80 when it does not say (a pseudo-terminal with no size reports 0).</summary>
    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth is var width and >= 10 ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private static string CommonPrefix(string[] values)
    {
        var prefix = values[0];
        foreach (var value in values.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < value.Length && char.ToLowerInvariant(prefix[n]) == char.ToLowerInvariant(value[n]))
                n++;
            prefix = prefix[..n];
        }

        return prefix;
    }
}
