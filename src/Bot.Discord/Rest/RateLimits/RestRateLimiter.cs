namespace Bot.Discord.Rest.RateLimits;

/// <summary>
/// All rate-limit state of one bot, shared by every <see cref="DiscordRestClient"/> (typed HttpClients are
/// transient; this is a singleton). Buckets are keyed by (bucket id, top-level parameters); until Discord
/// names a route's bucket, by (route, top-level parameters).
/// </summary>
public sealed class RestRateLimiter
{
    /// <summary>Above this many buckets, idle ones are dropped (every interaction token makes new keys).</summary>
    private const int SweepThreshold = 1024;

    /// <summary>How often, at most, buckets are swept while their count stays below <see cref="_sweepAt"/>.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketIdByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private volatile bool _botTokenRejected;

    // Under load thousands of buckets are busy at once (one per interaction token, each waiting out its
    // reset), and a sweep finds little to drop. Sweeping on every new key was then a scan of all of them
    // per request, under the lock every request takes: a quarter of the bot's CPU at twice its capacity.
    // Now a sweep comes when the count has doubled since the last one, or a second after it: amortised
    // constant work per request, and idle buckets still go within a second.
    private int _sweepAt = SweepThreshold;
    private long _lastSweep;
    private int _sweeps;

    public RestRateLimiter(TimeProvider time, int globalRequestsPerSecond = 50)
    {
        _time = time;
        Global = new GlobalRateLimiter(time, globalRequestsPerSecond);
    }

    public GlobalRateLimiter Global { get; }

    /// <summary>Set after a 401 on a bot-token route: retrying with a rejected token only counts toward Discord's invalid-request ban.</summary>
    public bool BotTokenRejected => _botTokenRejected;

    /// <summary>Buckets currently tracked.</summary>
    public int BucketCount
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>How many times idle buckets were looked for (for tests of the sweep's cost).</summary>
    internal int Sweeps
    {
        get
        {
            lock (_lock)
            {
                return _sweeps;
            }
        }
    }

    /// <summary>Requests waiting in any bucket (for tests that hold a request and look).</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Values.Sum(b => b.Waiting);
            }
        }
    }

    /// <summary>Raised when a request starts or stops waiting in a bucket: <see cref="Waiting"/> can be awaited, not polled.</summary>
    internal event Action? WaitingChanged;

    public void MarkBotTokenRejected() => _botTokenRejected = true;

    /// <summary>The bucket a request to <paramref name="route"/> goes through now.</summary>
    public RateLimitBucket BucketFor(BoundRoute route)
    {
        lock (_lock)
        {
            return GetOrCreateLocked(KeyLocked(route));
        }
    }

    /// <summary>
    /// After an answer: remembers the bucket id Discord gave the route, and lets the bucket under that
    /// id learn the state when <paramref name="used"/> was the placeholder of a still-unnamed route.
    /// </summary>
    public void Learn(BoundRoute route, RateLimitBucket used, RateLimitHeaders headers)
    {
        if (headers.Bucket is not { Length: > 0 } bucketId)
            return;

        RateLimitBucket named;
        lock (_lock)
        {
            _bucketIdByRoute[route.Route.Key] = bucketId;
            named = GetOrCreateLocked(BucketKey(bucketId, route.MajorKey));
        }

        if (!ReferenceEquals(named, used))
            named.Observe(headers);
    }

    private string KeyLocked(BoundRoute route) =>
        _bucketIdByRoute.TryGetValue(route.Route.Key, out var bucketId)
            ? BucketKey(bucketId, route.MajorKey)
            : "route:" + route.Route.Key + "|" + route.MajorKey;

    private static string BucketKey(string bucketId, string majorKey) => "bucket:" + bucketId + "|" + majorKey;

    private RateLimitBucket GetOrCreateLocked(string key)
    {
        if (_buckets.TryGetValue(key, out var bucket))
            return bucket;

        if (_buckets.Count >= SweepThreshold && (_buckets.Count >= _sweepAt || _time.GetElapsedTime(_lastSweep) >= SweepInterval))
            SweepLocked();

        bucket = new RateLimitBucket(_time, () => WaitingChanged?.Invoke());
        _buckets[key] = bucket;
        return bucket;
    }

    private void SweepLocked()
    {
        // Removing while enumerating is allowed for Dictionary (it does not invalidate the enumerator).
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle())
                _buckets.Remove(key);
        }

        _sweeps++;
        _lastSweep = _time.GetTimestamp();
        _sweepAt = Math.Max(SweepThreshold, 2 * _buckets.Count);
    }
}
