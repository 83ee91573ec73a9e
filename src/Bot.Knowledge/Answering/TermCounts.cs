namespace Bot.Knowledge.Answering;

/// <summary>
/// Counting one set of stems against another without garbage. These counts run for every answer
/// unit of every candidate passage; through LINQ each one allocated a delegate and a boxed
/// enumerator, and that garbage set how often a question met a gen0 collection (the source of
/// the warm p99, docs/PERFORMANCE.md).
/// </summary>
internal static class TermCounts
{
    /// <summary>How many of <paramref name="terms"/> <paramref name="other"/> holds.</summary>
    public static int Shared(HashSet<string> terms, HashSet<string> other)
    {
        var count = 0;
        foreach (var term in terms)
        {
            if (other.Contains(term))
                count++;
        }

        return count;
    }
}
