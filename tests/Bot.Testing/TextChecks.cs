namespace Bot.Testing;

/// <summary>Checks of text a user would see, written out here rather than taken from the code under test.</summary>
public static class TextChecks
{
    /// <summary>Whether <paramref name="text"/> holds half of a surrogate pair: a cut in the middle of an emoji, shown as �.</summary>
    public static bool HasBrokenSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return true;
                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
