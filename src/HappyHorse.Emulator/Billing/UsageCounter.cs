using System.Collections.Concurrent;

namespace HappyHorse.Emulator.Billing;

/// <summary>
/// Counts what the emulator did: requests received and refused, tasks created and failed, and the billable tasks each
/// client request created, by the <c>x-client-request-id</c> the SDK sends (the same on every resend of one call), so
/// a soak test counts double charges exactly. Only counters: nothing of a refused request is kept.
/// </summary>
internal sealed class UsageCounter
{
    /// <summary>The most client request ids remembered; beyond it new ids are only counted in the totals.</summary>
    private const int MaxClientRequests = 100_000;

    private readonly ConcurrentDictionary<string, int> _tasksByClientRequest = new(StringComparer.Ordinal);
    private long _received;
    private long _refused;
    private long _tasksCreated;
    private long _tasksFailed;
    private long _chargedTwice;

    public void Received() => Interlocked.Increment(ref _received);

    public void Refused() => Interlocked.Increment(ref _refused);

    public void TaskFailed() => Interlocked.Increment(ref _tasksFailed);

    public void TaskCreated(string? clientRequestId)
    {
        Interlocked.Increment(ref _tasksCreated);
        if (clientRequestId is null || (_tasksByClientRequest.Count >= MaxClientRequests && !_tasksByClientRequest.ContainsKey(clientRequestId)))
        {
            return;
        }

        if (_tasksByClientRequest.AddOrUpdate(clientRequestId, 1, (_, count) => count + 1) == 2)
        {
            Interlocked.Increment(ref _chargedTwice);
        }
    }

    public EmulatorUsage Snapshot() => new(
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _refused),
        Interlocked.Read(ref _tasksCreated),
        Interlocked.Read(ref _tasksFailed),
        Interlocked.Read(ref _chargedTwice),
        new Dictionary<string, int>(_tasksByClientRequest, StringComparer.Ordinal));
}
