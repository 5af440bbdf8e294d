using System.Collections.Concurrent;

namespace HappyHorse.Emulator.Tasks;

/// <summary>Every task of one emulator, by task id. Tasks live as long as the emulator.</summary>
internal sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);

    public void Add(EmulatedTask task) => _tasks[task.Id] = task;

    public EmulatedTask? Find(string id) => _tasks.GetValueOrDefault(id);
}
