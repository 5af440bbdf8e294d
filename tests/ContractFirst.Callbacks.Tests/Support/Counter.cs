using System.Collections.Concurrent;

namespace ContractFirst.Callbacks.Tests.Support;

/// <summary>How many times a handler ran per task id.</summary>
internal sealed class Counter
{
    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);

    public int Total => _runs.Values.Sum();

    public int this[string taskId] => _runs.GetValueOrDefault(taskId);

    public IReadOnlyDictionary<string, int> Runs => _runs;

    public void Add(string taskId) => _runs.AddOrUpdate(taskId, 1, static (_, n) => n + 1);
}
