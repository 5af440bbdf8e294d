namespace ContractFirst.Callbacks;

/// <summary>
/// A map with a hard size bound and an age limit: entries are kept in the order they were last stamped, expired ones
/// are dropped from the old end on every write, and at capacity the oldest entry that may go gives way. Memory is
/// O(capacity) whatever a sender does. Not thread-safe: owners lock around it.
/// </summary>
internal sealed class ExpiringMap<TValue>
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ExpiringMap(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
    }

    public int Count => _map.Count;

    /// <summary>The value of <paramref name="key"/> unless it has expired.</summary>
    public bool TryGet(string key, out TValue value)
    {
        if (_map.TryGetValue(key, out var node) && !IsExpired(node.Value, _time.GetTimestamp()))
        {
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Sets <paramref name="key"/> and restarts its age. At capacity the oldest entry <paramref name="mayEvict"/> allows
    /// is removed first; false (nothing set) when none may go.
    /// </summary>
    public bool Set(string key, TValue value, Func<TValue, bool>? mayEvict = null)
    {
        var now = _time.GetTimestamp();
        DropExpired(now);
        if (_map.Remove(key, out var existing))
        {
            _order.Remove(existing);
        }
        else if (_map.Count >= _capacity && !EvictOldest(mayEvict))
        {
            return false;
        }

        _map[key] = _order.AddLast(new Entry(key, value, now));
        return true;
    }

    public void Remove(string key)
    {
        if (_map.Remove(key, out var node))
        {
            _order.Remove(node);
        }
    }

    private bool IsExpired(Entry entry, long now) => _time.GetElapsedTime(entry.Stamp, now) >= _lifetime;

    private void DropExpired(long now)
    {
        while (_order.First is { } oldest && IsExpired(oldest.Value, now))
        {
            _map.Remove(oldest.Value.Key);
            _order.RemoveFirst();
        }
    }

    private bool EvictOldest(Func<TValue, bool>? mayEvict)
    {
        for (var node = _order.First; node is not null; node = node.Next)
        {
            if (mayEvict is null || mayEvict(node.Value.Value))
            {
                _map.Remove(node.Value.Key);
                _order.Remove(node);
                return true;
            }
        }

        return false;
    }

    private readonly record struct Entry(string Key, TValue Value, long Stamp);
}
