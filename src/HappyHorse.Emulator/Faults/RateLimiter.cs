namespace HappyHorse.Emulator.Faults;

/// <summary>A sliding one-minute window over accepted API requests.</summary>
internal sealed class RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int? _limit;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _accepted = new();
    private readonly Lock _lock = new();

    public RateLimiter(int? requestsPerMinute, TimeProvider time)
    {
        _limit = requestsPerMinute;
        _time = time;
    }

    /// <summary>Counts a request; returns the wait until one more would be accepted when it is over the limit.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limit is not { } limit)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            while (_accepted.Count > 0 && now - _accepted.Peek() >= Window)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count >= limit)
            {
                retryAfter = _accepted.Count > 0 ? _accepted.Peek() + Window - now : Window;
                return false;
            }

            _accepted.Enqueue(now);
            return true;
        }
    }
}
