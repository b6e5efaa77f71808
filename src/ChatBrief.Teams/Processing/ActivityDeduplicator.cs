namespace ChatBrief.Teams.Processing;

/// <summary>
/// Remembers recently accepted activities so that Teams' retries (it re-sends what it thinks timed out) are answered once.
/// The memory is bounded in size and time: the oldest entries go first.
/// </summary>
internal sealed class ActivityDeduplicator(TimeProvider clock)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Until)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time a key is seen within <see cref="Lifetime"/>; false for a repeat.</summary>
    public bool TryClaim(string key)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            if (_seen.TryGetValue(key, out var until) && until > now)
            {
                return false;
            }

            _seen[key] = now + Lifetime;
            _order.Enqueue((key, now + Lifetime));
            return true;
        }
    }

    /// <summary>Lets a key be claimed again, for work that was claimed but could not be queued.</summary>
    public void Release(string key)
    {
        lock (_lock)
        {
            _seen.Remove(key);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (oldest.Until <= now || _order.Count >= Capacity))
        {
            _order.Dequeue();
            if (_seen.TryGetValue(oldest.Key, out var until) && until == oldest.Until)
            {
                _seen.Remove(oldest.Key);
            }
        }
    }
}
