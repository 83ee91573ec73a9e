namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// The waiting line in front of the handlers: one first-in-first-out line per group (a server, or one
/// member's direct messages), the groups served round-robin, so a busy server delays another server's
/// question by at most one of its own per turn. It counts what each member has waiting (for the cap in
/// <see cref="InteractionAdmission"/>) and tells how many items a newcomer would wait behind. Not
/// thread-safe: its owner locks.
/// </summary>
internal sealed class FairQueue<T>
{
    private readonly Dictionary<ulong, Queue<(ulong Member, T Item)>> _groups = [];

    // Groups with items waiting, in the order their next item is served.
    private readonly Queue<ulong> _turns = new();
    private readonly Dictionary<ulong, int> _byMember = [];

    // _atLeast[i]: how many groups have more than i items waiting. A newcomer in a group of n waits behind
    // min(n', n + 1) items of every group of n' (round-robin), which is the sum of the first n + 1 of these.
    private readonly List<int> _atLeast = [];

    public int Count { get; private set; }

    /// <summary>How many waiting items would be served before a new one of <paramref name="group"/>.</summary>
    public int Ahead(ulong group)
    {
        var own = _groups.TryGetValue(group, out var line) ? line.Count : 0;
        var ahead = 0;
        for (var i = 0; i <= own && i < _atLeast.Count; i++)
        {
            ahead += _atLeast[i];
        }

        return ahead;
    }

    /// <summary>The first waiting item of every group: the oldest of all is among them.</summary>
    public IEnumerable<T> Heads => _groups.Values.Select(line => line.Peek().Item);

    /// <summary>Items of <paramref name="member"/> waiting.</summary>
    public int WaitingBy(ulong member) => _byMember.GetValueOrDefault(member);

    public void Enqueue(FairnessKey key, T item)
    {
        if (!_groups.TryGetValue(key.Group, out var line))
        {
            line = new Queue<(ulong, T)>();
            _groups[key.Group] = line;
        }

        if (line.Count == 0)
            _turns.Enqueue(key.Group);

        if (_atLeast.Count == line.Count)
            _atLeast.Add(0);

        _atLeast[line.Count]++;
        line.Enqueue((key.Member, item));
        _byMember[key.Member] = WaitingBy(key.Member) + 1;
        Count++;
    }

    /// <summary>The next item: the oldest of the group whose turn it is.</summary>
    public bool TryDequeue(out T item)
    {
        if (!_turns.TryDequeue(out var group))
        {
            item = default!;
            return false;
        }

        var line = _groups[group];
        (var member, item) = line.Dequeue();
        _atLeast[line.Count]--;
        if (line.Count > 0)
        {
            _turns.Enqueue(group); // back of the round
        }
        else
        {
            _groups.Remove(group);
        }

        if (_atLeast[^1] == 0)
            _atLeast.RemoveAt(_atLeast.Count - 1);

        if (--_byMember[member] == 0)
            _byMember.Remove(member);

        Count--;
        return true;
    }
}
