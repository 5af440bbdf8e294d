namespace HappyHorse.Emulator.Hosting;

/// <summary>The newest requests, at most a fixed number; older ones are dropped, so memory stays flat however many arrive.</summary>
internal sealed class RequestHistory(int capacity)
{
    private readonly Queue<EmulatorRequest> _requests = new();
    private readonly Lock _lock = new();

    public void Add(EmulatorRequest request)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_requests.Count == capacity)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
        }
    }

    public IReadOnlyList<EmulatorRequest> Snapshot()
    {
        lock (_lock)
        {
            return [.. _requests];
        }
    }
}
