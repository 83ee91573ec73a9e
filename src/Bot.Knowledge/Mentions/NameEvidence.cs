namespace Bot.Knowledge.Mentions;

/// <summary>
/// What the whole knowledge says about which capitalised words are names, read once over all its
/// sentences: how often each word is written capitalised where no sentence starts, and how often
/// in lower case. A capital that opens a sentence proves nothing; the same word capitalised
/// elsewhere does ("Kim prays..." is a name because "Pastor Kim" is). A word alone that the
/// knowledge writes in lower case more often ("More", "Faith") is capitalised by grammar or by
/// title case, not a name.
/// </summary>
internal sealed class NameEvidence
{
    private readonly Dictionary<string, int> _capitalised;
    private readonly Dictionary<string, int> _lower;

    private NameEvidence(Dictionary<string, int> capitalised, Dictionary<string, int> lower)
    {
        _capitalised = capitalised;
        _lower = lower;
    }

    /// <summary>No evidence: only words in mid-sentence are names.</summary>
    public static NameEvidence None { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    public static NameEvidence Of(IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            var tokens = SentenceTokens.Of(sentence);
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.IsNumber)
                    continue;
                if (IsEvidence(tokens, i))
                    capitalised[token.Lower] = capitalised.GetValueOrDefault(token.Lower) + 1;
                else if (char.IsLower(token.Text[0]))
                    lower[token.Lower] = lower.GetValueOrDefault(token.Lower) + 1;
            }
        }

        return new NameEvidence(capitalised, lower);
    }

    /// <summary>Evidence that each of <paramref name="names"/> (in lower case) is written capitalised in mid-sentence, and nothing else.</summary>
    public static NameEvidence From(IEnumerable<string> names) =>
        new(names.ToDictionary(n => n, _ => 1, StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The words (in lower case) a sentence writes capitalised where no sentence starts: evidence that they are names.</summary>
    public static IEnumerable<string> CapitalisedWords(string sentence)
    {
        var tokens = SentenceTokens.Of(sentence);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsEvidence(tokens, i))
                yield return tokens[i].Lower;
        }
    }

    /// <summary>
    /// Capitalised anywhere but at the start of the sentence. A word opening a quotation counts:
    /// title-cased quotations name works ("known for “City of Joy”"), and when the word is only
    /// quoted speech, its lower-case uses elsewhere outweigh it.
    /// </summary>
    private static bool IsEvidence(SentenceTokens tokens, int i) => i > 0 && tokens.IsCapitalised(i);

    /// <summary>Whether a capitalised word that opens a sentence or clause may be a name all the same: the knowledge writes it capitalised elsewhere.</summary>
    public bool MayOpen(string lowerCase) => _capitalised.ContainsKey(lowerCase);

    /// <summary>Whether the knowledge writes the word in lower case more often than capitalised: then a capital is grammar or title case, not a name.</summary>
    public bool IsCommon(string lowerCase) => _lower.GetValueOrDefault(lowerCase) > _capitalised.GetValueOrDefault(lowerCase);
}
