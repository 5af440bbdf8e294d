namespace HappyHorse.Emulator.Tasks;

/// <summary>
/// The tasks lookups can find, by id, bounded in number and in the bytes of their recorded requests: beyond either
/// limit the oldest ended task is forgotten. When only running tasks are left there is no room, and the submit is
/// refused (503) before it is billed.
/// </summary>
internal sealed class TaskStore(int maxTasks, long maxRequestBytes)
{
    private readonly Dictionary<string, (EmulatedTask Task, long Bytes)> _tasks = new(StringComparer.Ordinal);
    private readonly LinkedList<EmulatedTask> _order = new();
    private readonly Lock _lock = new();
    private long _bytes;

    /// <summary>Adds a task whose recorded request takes about <paramref name="bytes"/>; false when there is no room.</summary>
    public bool TryAdd(EmulatedTask task, long bytes)
    {
        lock (_lock)
        {
            while (_tasks.Count >= maxTasks || _bytes + bytes > maxRequestBytes)
            {
                if (!TryForgetOldestEnded())
                {
                    return false;
                }
            }

            _tasks[task.Id] = (task, bytes);
            _order.AddLast(task);
            _bytes += bytes;
            return true;
        }
    }

    public EmulatedTask? Find(string id)
    {
        lock (_lock)
        {
            return _tasks.TryGetValue(id, out var entry) ? entry.Task : null;
        }
    }

    private bool TryForgetOldestEnded()
    {
        for (var node = _order.First; node is not null; node = node.Next)
        {
            if (node.Value.Finished.IsCompleted)
            {
                _bytes -= _tasks[node.Value.Id].Bytes;
                _tasks.Remove(node.Value.Id);
                _order.Remove(node);
                return true;
            }
        }

        return false;
    }
}
