using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Runtime.Tests;

public sealed class CoalescingPollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task AThousandWaitersCostOneBatchLookupPerHundredTasksPerRound()
    {
        var service = new FakeService(lookupsUntilDone: _ => 3);

        // On a test clock, so all 1,000 waits start at one instant and share every round, however busy the machine is
        // (against the real clock, a slow registration put a few tasks a round apart: 31 lookups once in CI).
        var clock = new FakeTimeProvider();
        await using var poller = service.Poller(batchSize: 100, clock, TimeSpan.FromMilliseconds(200));
        var ids = Enumerable.Range(0, 1000).Select(i => "t-" + i).ToList();

        var records = await AdvanceUntilDone(clock, Task.WhenAll(ids.Select(id => poller.WaitAsync(id, Timeout.InfiniteTimeSpan, null, CancellationToken.None))));

        Assert.All(records, r => Assert.True(r.Done));
        Assert.Equal(ids, records.Select(r => r.Id));
        Assert.Equal(30, poller.Lookups); // 3 rounds x ceil(1000 / 100)
        Assert.All(service.Batches, b => Assert.InRange(b, 1, 100));
        Assert.Equal(0, poller.Waiting);
    }

    [Fact]
    public async Task EachWaiterCompletesAsSoonAsItsRecordIsFinal()
    {
        var service = new FakeService(lookupsUntilDone: id => id == "fast" ? 1 : 4);
        await using var poller = service.Poller(batchSize: 10);

        var order = new List<string>();
        await foreach (var record in poller.WaitForEachAsync(["slow-1", "fast", "slow-2"], Timeout.InfiniteTimeSpan))
        {
            order.Add(record.Id);
        }

        // "fast" ends at the first round, the others at the fourth: it comes out first, whatever the order asked.
        Assert.Equal("fast", order[0]);
        Assert.Equal(["fast", "slow-1", "slow-2"], order.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProgressSeesEveryRecordOfItsOwnTaskOnly()
    {
        var service = new FakeService(lookupsUntilDone: _ => 3);
        await using var poller = service.Poller(batchSize: 10);
        var seen = new ConcurrentQueue<FakeRecord>();

        var other = poller.WaitAsync("other", Timeout.InfiniteTimeSpan, null, CancellationToken.None);
        await poller.WaitAsync("mine", Timeout.InfiniteTimeSpan, new SyncProgress(seen.Enqueue), CancellationToken.None);
        await other;

        Assert.Equal([1, 2, 3], seen.Select(r => r.Lookup));
        Assert.All(seen, r => Assert.Equal("mine", r.Id));
    }

    [Fact]
    public async Task ATransientLookupFailureKeepsEveryoneWaiting()
    {
        var service = new FakeService(lookupsUntilDone: _ => 2) { FailRounds = { [1] = new HttpRequestException("reset") } };
        var clock = new FakeTimeProvider();
        await using var poller = service.Poller(batchSize: 10, clock);

        var records = await AdvanceUntilDone(clock, Task.WhenAll(
            poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None),
            poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None)));

        Assert.All(records, r => Assert.True(r.Done));
        Assert.Equal(3, poller.Lookups);
    }

    [Fact]
    public async Task APermanentLookupFailureFailsTheWaitersOfThatBatch()
    {
        var denied = new ApiException(new ApiErrorInfo(401, "invalid_token", null, null, null, null), isRetryable: false);
        var service = new FakeService(lookupsUntilDone: _ => 5) { FailRounds = { [2] = denied } };
        await using var poller = service.Poller(batchSize: 10);

        var error = await Assert.ThrowsAsync<ApiException>(() => poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None));

        Assert.Same(denied, error);
        Assert.Equal(0, poller.Waiting);
    }

    [Fact]
    public async Task EachWaiterHasItsOwnDeadlineAndCancellation()
    {
        var clock = new FakeTimeProvider();
        var service = new FakeService(lookupsUntilDone: id => id == "quick" ? 2 : int.MaxValue);
        await using var poller = service.Poller(batchSize: 10, clock, interval: TimeSpan.FromSeconds(1));
        using var cancel = new CancellationTokenSource();

        var slow = poller.WaitAsync("slow", TimeSpan.FromSeconds(5), null, CancellationToken.None);
        var cancelled = poller.WaitAsync("cancelled", Timeout.InfiniteTimeSpan, null, cancel.Token);
        var quick = poller.WaitAsync("quick", TimeSpan.FromSeconds(5), null, CancellationToken.None);
        await cancel.CancelAsync();
        for (var second = 0; second < 8 && !slow.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.True((await quick).Done);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => slow);
        Assert.Contains("task slow", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(0, poller.Waiting);
    }

    [Fact]
    public async Task DisposingFailsOutstandingWaits()
    {
        var service = new FakeService(lookupsUntilDone: _ => int.MaxValue);
        var poller = service.Poller(batchSize: 10);
        var waiting = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None);

        await poller.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.Throws<ObjectDisposedException>(() => { _ = poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None); });
    }

    [Fact]
    public async Task AWaitingTaskCostsLessThanOneKilobyte()
    {
        var service = new FakeService(lookupsUntilDone: _ => int.MaxValue);
        await using var poller = service.Poller(batchSize: 100, new FakeTimeProvider(), interval: TimeSpan.FromHours(1));
        var ids = Enumerable.Range(0, 1000).Select(i => "t-" + i).ToArray();
        poller.WaitAsync("warm-up", TimeSpan.FromHours(1), null, CancellationToken.None).Ignore();

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var id in ids)
        {
            poller.WaitAsync(id, TimeSpan.FromHours(1), null, CancellationToken.None).Ignore();
        }

        var perTask = (GC.GetAllocatedBytesForCurrentThread() - before) / ids.Length;
        Assert.InRange(perTask, 1, 1024);
        Assert.Equal(1001, poller.Waiting);
    }

    [Fact]
    public async Task WithoutABatchLookupEachTaskIsLookedUpAloneAndItsRecordNeedNotCarryItsId()
    {
        var lookups = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var poller = new CoalescingPoller<FakeRecord>(
            (id, _) =>
            {
                var n = lookups.AddOrUpdate(id, 1, (_, count) => count + 1);
                return Task.FromResult(new FakeRecord("", n, n >= 2)); // a record without its id still belongs to the id asked
            },
            r => r.Done,
            Interval,
            TimeProvider.System);
        var ids = Enumerable.Range(0, 10).Select(i => "t-" + i).ToList();

        var records = await Task.WhenAll(ids.Select(id => poller.WaitAsync(id, Timeout.InfiniteTimeSpan, null, CancellationToken.None)));

        Assert.All(records, r => Assert.True(r.Done));
        Assert.Equal(1, poller.BatchSize);
        Assert.Equal(20, poller.Lookups); // 2 rounds x 10 single lookups
        Assert.All(lookups.Values, n => Assert.Equal(2, n));
    }

    [Fact]
    public async Task TheLookupsOfOneRoundRunAFewAtATime()
    {
        var inFlight = 0;
        var most = 0;
        await using var poller = new CoalescingPoller<FakeRecord>(
            async (id, token) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                await Task.Delay(20, token);
                Interlocked.Decrement(ref inFlight);
                return new FakeRecord(id, 1, true);
            },
            r => r.Done,
            TimeSpan.FromMilliseconds(100),
            TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => poller.WaitAsync("t-" + i, Timeout.InfiniteTimeSpan, null, CancellationToken.None)));

        Assert.InRange(most, 2, CoalescingPoller<FakeRecord>.MaxConcurrentLookups);
    }

    [Fact]
    public async Task DisposingSynchronouslyFailsOutstandingWaitsAndStopsTheLoop()
    {
        var service = new FakeService(lookupsUntilDone: _ => int.MaxValue);
        var poller = service.Poller(batchSize: 10);
        var waiting = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None);
        await Task.Delay(50);

        poller.Dispose();
        var lookups = poller.Lookups;
        await Task.Delay(50);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.InRange(poller.Lookups - lookups, 0, 1); // at most a lookup already in flight
        Assert.Throws<ObjectDisposedException>(() => { _ = poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None); });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private sealed record FakeRecord(string Id, int Lookup, bool Done);

    private sealed class SyncProgress(Action<FakeRecord> report) : IProgress<FakeRecord>
    {
        public void Report(FakeRecord value) => report(value);
    }

    /// <summary>A batch lookup whose tasks end after a given number of lookups; can fail chosen rounds.</summary>
    /// <summary>
    /// Moves the test clock on in small steps until <paramref name="waits"/> ends: waits started at one instant share every
    /// round, so how many lookups they cost does not depend on how busy the machine is.
    /// </summary>
    private static async Task<T> AdvanceUntilDone<T>(FakeTimeProvider clock, Task<T> waits)
    {
        for (var step = 0; step < 2000 && !waits.IsCompleted; step++)
        {
            clock.Advance(Interval);
            await Task.Delay(5);
        }

        return await waits.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class FakeService(Func<string, int> lookupsUntilDone)
    {
        private readonly ConcurrentDictionary<string, int> _lookups = new(StringComparer.Ordinal);
        private int _calls;

        public ConcurrentQueue<int> Batches { get; } = new();

        public Dictionary<int, Exception> FailRounds { get; } = [];

        public CoalescingPoller<FakeRecord> Poller(int batchSize, TimeProvider? clock = null, TimeSpan? interval = null) =>
            new(LookupAsync, batchSize, r => r.Id, r => r.Done, interval ?? Interval, clock ?? TimeProvider.System);

        private Task<IReadOnlyList<FakeRecord>> LookupAsync(IReadOnlyList<string> ids, CancellationToken token)
        {
            Batches.Enqueue(ids.Count);
            if (FailRounds.TryGetValue(Interlocked.Increment(ref _calls), out var failure))
            {
                return Task.FromException<IReadOnlyList<FakeRecord>>(failure);
            }

            IReadOnlyList<FakeRecord> records = ids.Select(id =>
            {
                var n = _lookups.AddOrUpdate(id, 1, (_, count) => count + 1);
                return new FakeRecord(id, n, n >= lookupsUntilDone(id));
            }).ToList();
            return Task.FromResult(records);
        }
    }
}

internal static class TaskExtensions
{
    /// <summary>Observes a task a test leaves running, so its failure at disposal goes unreported.</summary>
    public static void Ignore(this Task task) => task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
}
