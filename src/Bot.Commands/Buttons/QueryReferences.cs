using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge;

namespace Bot.Commands.Buttons;

/// <summary>
/// Carries a question or search words in a button's custom id, which Discord limits to 100
/// characters. A query that fits travels as itself with a keyed MAC (<c>'</c>, 8 hex digits of
/// HMAC-SHA256 under the <see cref="StateKey"/>, then the text), so its buttons work after a
/// restart and on any replica sharing the key, while a forged button (any client can send one)
/// cannot make the bot ask a question it never showed. A longer one travels as a key (<c>#</c>
/// then 12 random letters and digits) into a small in-memory list of recent queries; when the
/// key is no longer there (evicted, restarted, another replica) the button says its answer has expired.
/// </summary>
public sealed class QueryReferences
{
    private const int MacLength = 8;

    public const int DefaultCapacity = 2048;

    private const char InlineMark = '\'';
    private const char KeyMark = '#';
    private const int KeyLength = 12;
    private const string KeyAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly int _capacity;
    private readonly StateKey _key;
    private readonly Dictionary<string, LinkedListNode<(string Key, string Query)>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyOfQuery = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, string Query)> _recency = new();
    private readonly Lock _gate = new();

    /// <param name="key">Authenticates queries carried inline; without one, a key of this process only.</param>
    public QueryReferences(StateKey? key = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _key = key ?? StateKey.Random();
    }

    /// <summary>Queries remembered by key now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _byKey.Count;
        }
    }

    /// <summary>White space runs as one space, trimmed: how a query is carried and shown after a click.</summary>
    public static string Normalize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new StringBuilder(query.Length);
        foreach (var c in query)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                    result.Append(' ');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>A reference to <paramref name="query"/> (normalized) of at most <paramref name="room"/> characters.</summary>
    public string Encode(string query, int room)
    {
        if (room < KeyLength + 1)
            throw new ArgumentOutOfRangeException(nameof(room), room, $"A reference needs at least {KeyLength + 1} characters.");
        var normalized = Normalize(query);
        if (normalized.Length + 1 + MacLength <= room)
            return InlineMark + Mac(normalized) + normalized;

        lock (_gate)
        {
            if (_keyOfQuery.TryGetValue(normalized, out var known))
            {
                Touch(_byKey[known]);
                return KeyMark + known;
            }

            var key = NewKey();
            while (_byKey.ContainsKey(key))
                key = NewKey();
            _byKey[key] = _recency.AddFirst((key, normalized));
            _keyOfQuery[normalized] = key;
            while (_byKey.Count > _capacity)
            {
                var oldest = _recency.Last!.Value;
                _recency.RemoveLast();
                _byKey.Remove(oldest.Key);
                _keyOfQuery.Remove(oldest.Query);
            }

            return KeyMark + key;
        }
    }

    /// <summary>The query a reference carries; false when it is malformed or its key has expired.</summary>
    public bool TryResolve(string? reference, out string query)
    {
        query = "";
        if (string.IsNullOrEmpty(reference))
            return false;
        if (reference[0] == InlineMark)
        {
            if (!TryInline(reference, out var inline))
                return false;
            query = inline;
            return true;
        }

        if (reference[0] != KeyMark)
            return false;
        lock (_gate)
        {
            if (!_byKey.TryGetValue(reference[1..], out var node))
                return false;
            Touch(node);
            query = node.Value.Query;
            return true;
        }
    }

    /// <summary>Whether <paramref name="reference"/> carries a query now: a non-empty one of its own, or a key still remembered.</summary>
    public bool IsUsable(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return false;
        if (reference[0] == InlineMark)
            return TryInline(reference, out _);
        return reference[0] == KeyMark && !IsExpired(reference);
    }

    /// <summary>An inline query whose MAC is right; a forged or altered one is refused.</summary>
    private bool TryInline(string reference, out string query)
    {
        query = "";
        if (reference.Length <= 1 + MacLength)
            return false;
        var text = Normalize(reference[(1 + MacLength)..]);
        if (text.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(reference.Substring(1, MacLength)), Encoding.ASCII.GetBytes(Mac(text))))
        {
            return false;
        }

        query = text;
        return true;
    }

    private string Mac(string query) => _key.Mac("query\n" + query, MacLength);

    /// <summary>Whether <paramref name="reference"/> is well formed but names a key no longer remembered.</summary>
    public bool IsExpired(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference[0] != KeyMark)
            return false;
        lock (_gate)
            return !_byKey.ContainsKey(reference[1..]);
    }

    private void Touch(LinkedListNode<(string Key, string Query)> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private static string NewKey() => RandomNumberGenerator.GetString(KeyAlphabet, KeyLength);
}
