using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Trivia;

/// <summary>What every trivia question promises, whatever knowledge it comes from.</summary>
internal static class TriviaAssert
{
    public static void WellFormed(TriviaQuestion question, TriviaGenerator generator, string knowledgeText)
    {
        var options = question.Options;
        Assert.Equal(TriviaQuestion.OptionCount, options.Count);
        Assert.Equal(options.Count, options.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.InRange(question.RightIndex, 0, options.Count - 1);
        Assert.Equal(options[question.RightIndex], question.Answer);
        Assert.All(options, o => Assert.False(string.IsNullOrWhiteSpace(o)));

        // One blank, and exactly one option gives back the sentence as written.
        Assert.Single(Regex.Matches(question.Text, Regex.Escape(TriviaQuestion.Blank)));
        var source = question.Source;
        Assert.Equal(source.Text, source.Passage.Text.Substring(source.Span.Start, source.Span.Length));
        Assert.Contains(Summaries.KnowledgeText.Collapse(source.Text), knowledgeText, StringComparison.Ordinal);
        var right = options.Where(o => question.Text.Replace(TriviaQuestion.Blank, o, StringComparison.Ordinal) == source.Text).ToArray();
        Assert.Equal([question.Answer], right);
        for (var i = 0; i < options.Count; i++)
            Assert.Equal(i == question.RightIndex, question.IsRight(i));

        // The question does not give the answer away, nor rule out an option by showing it.
        Assert.All(options, o => Assert.False(Mentions(question.Text, o), $"'{question.Text}' shows the option '{o}'"));

        OfOneKind(question, knowledgeText);

        // The id fits a button and brings back the very same question.
        Assert.InRange(question.Id.Length, 1, TriviaQuestion.MaxIdLength);
        Assert.DoesNotContain(':', question.Id);
        Assert.True($"trivia:{question.Id}:3".Length <= 100);
        Assert.True(generator.TryRestore(question.Id, out var restored), $"{question.Id} did not restore");
        Same(question, restored);
    }

    public static void Same(TriviaQuestion expected, TriviaQuestion actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Options, actual.Options);
        Assert.Equal(expected.RightIndex, actual.RightIndex);
        Assert.Equal(expected.Source, actual.Source);
    }

    private static void OfOneKind(TriviaQuestion question, string knowledgeText)
    {
        var options = question.Options;
        switch (question.Kind)
        {
            case TriviaKind.Year:
                Assert.All(options, o => Assert.Matches("^[0-9]{4}$", o));
                Assert.All(options, o => Assert.InRange(int.Parse(o, CultureInfo.InvariantCulture), 1000, 2100));
                break;
            case TriviaKind.Number:
                var values = options.Select(o => decimal.Parse(o, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(values.Length, values.Distinct().Count()); // never equal to the right one, nor to each other
                Assert.All(values, v => Assert.True(v > 0));
                // Written alike: thousands separators and decimals as the right number has them.
                var grouped = question.Answer.Contains(',');
                var decimals = question.Answer.Contains('.') ? question.Answer.Length - question.Answer.IndexOf('.') - 1 : 0;
                Assert.All(options, o => Assert.Equal(decimals, o.Contains('.') ? o.Length - o.IndexOf('.') - 1 : 0));
                Assert.All(values.Zip(options), p => Assert.Equal(grouped && p.First >= 1000, p.Second.Contains(',')));
                break;
            default:
                // Names come from the knowledge itself, and are never numbers.
                Assert.All(options, o => Assert.DoesNotMatch("^[0-9.,]+$", o));
                var written = question.Kind == TriviaKind.Family ? options.Select(o => o + " family") : options;
                Assert.All(written, o => Assert.Contains(o, knowledgeText, StringComparison.Ordinal));
                // No option is another name for another ("Kim" and "Pastor Kim").
                var words = options.Select(o => o.ToLowerInvariant().Replace(".", "").Split(' ').ToHashSet()).ToArray();
                for (var i = 0; i < words.Length; i++)
                {
                    for (var j = 0; j < words.Length; j++)
                    {
                        if (i != j)
                            Assert.False(words[i].IsSubsetOf(words[j]), $"'{options[i]}' may be '{options[j]}'");
                    }
                }

                break;
        }
    }

    /// <summary>Whole-word, case-insensitive; "1,000" is one number and "Korea" is not inside "Korean".</summary>
    public static bool Mentions(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]|[0-9][.,]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}]|[.,][0-9])", RegexOptions.IgnoreCase);
}
