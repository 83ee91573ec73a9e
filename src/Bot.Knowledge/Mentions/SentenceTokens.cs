using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Knowledge.Mentions;

/// <summary>
/// The words and numbers of one sentence, and what stands between them: the reading every finder
/// of names and numbers shares, so that they all agree on where a word starts, what a possessive
/// is and which capitals are only there because a sentence or a clause starts.
/// </summary>
internal sealed partial class SentenceTokens
{
    private SentenceTokens(string sentence, IReadOnlyList<Token> tokens)
    {
        Sentence = sentence;
        Tokens = tokens;
    }

    public string Sentence { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public int Count => Tokens.Count;

    public Token this[int i] => Tokens[i];

    public static SentenceTokens Of(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(sentence))
        {
            if (Read(m) is { } token)
                tokens.Add(token);
        }

        return new SentenceTokens(sentence, tokens);
    }

    /// <summary>A possessive ending is cut off ("Kim’s" is "Kim"); a closing quote after a word is not one unless the word ends in s ("Jesus’").</summary>
    private static Token? Read(Match m)
    {
        var text = m.Value;
        if (char.IsAsciiDigit(text[0]))
            return new Token(text, m.Index, m.Index + text.Length, m.Index + m.Length, IsNumber: true, Possessive: false);

        var possessive = false;
        if (text.Length > 2 && (text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || text.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
        {
            text = text[..^2];
            possessive = true;
        }
        else if (text.Length > 1 && text[^1] is '\'' or '\u2019')
        {
            text = text[..^1];
            possessive = text.EndsWith('s');
        }

        text = text.TrimEnd('-');
        return text.Length == 0 ? null : new Token(text, m.Index, m.Index + text.Length, m.Index + m.Length, IsNumber: false, possessive);
    }

    /// <summary>The text between a token and the next one (or the end of the sentence).</summary>
    public string Gap(int i) =>
        i + 1 < Tokens.Count ? Sentence[Tokens[i].RawEnd..Tokens[i + 1].Start] : Sentence[Tokens[i].RawEnd..];

    /// <summary>Whether one space (or tab, or no-break space) stands between a token and the next: a name goes on across it, not across a comma, a line break or the spaces that align columns.</summary>
    public bool JoinsNext(int i) => i + 1 < Tokens.Count && IsSpace(Gap(i));

    /// <summary>A capitalised word: a letter in upper (or title) case and a second character, not a function word, month or weekday.</summary>
    public bool IsCapitalised(int i) => i >= 0 && i < Tokens.Count && IsCapitalised(Tokens[i]);

    public static bool IsCapitalised(Token t) =>
        !t.IsNumber && t.Text.Length >= 2 && (char.IsUpper(t.Text[0]) || CharUnicodeInfo.GetUnicodeCategory(t.Text[0]) == UnicodeCategory.TitlecaseLetter)
        && !NameWords.FunctionWords.Contains(t.Text) && !NameWords.Calendar.Contains(t.Text);

    /// <summary>Whether the token opens the sentence (nothing but punctuation before it).</summary>
    public bool OpensSentence(int i) => i == 0 && Sentence[..Tokens[0].Start].All(c => !char.IsLetterOrDigit(c));

    /// <summary>Whether the token opens the sentence or a quotation, bracket or clause after a colon, where any word is capitalised.</summary>
    public bool OpensClause(int i)
    {
        if (i == 0)
            return OpensSentence(0);
        var gap = Sentence[Tokens[i - 1].RawEnd..Tokens[i].Start];
        return gap.IndexOfAny(['\u201C', '"', '(', ':', '[', '\u2018']) >= 0;
    }

    public static bool IsSpace(string gap) => gap is " " or "\t" or "\u00A0";

    /// <summary>A word (letters, then letters, marks, digits, apostrophes or hyphens: "Kim's", "Jean-Luc") or a number in ASCII digits.</summary>
    // ASCII digits only: \d would take any script's digits, which decimal.Parse then rejects.
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{Nd}'\u2019\-]*|[0-9][0-9,.]*[0-9]|[0-9]")]
    private static partial Regex TokenPattern();
}
