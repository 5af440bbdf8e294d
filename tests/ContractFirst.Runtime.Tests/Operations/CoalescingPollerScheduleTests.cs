using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Runtime.Tests;

/// <summary>When the shared poller looks each task up, deliveries that spare lookups, and faults that must not strand waiters.</summary>
public sealed class CoalescingPollerScheduleTests
{
    private static readonly PollingSchedule Schedule = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task TheFirstLookupWaitsFirstDelayThenTheIntervalGrowsToTheMaximum()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: 6);
        await using var poller = service.Poller(clock, batchSize: 10);
        var waiting = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None);

        // The first lookup at 10 s (first delay) plus 0.2 s of gathering (a tenth of the interval), then +2, +3, +4.5,
        // +5 (capped), +5.
        await AssertLookupsAt(clock, service, [10.2, 12.2, 15.2, 19.7, 24.7, 29.7]);

        Assert.True((await waiting).Done);
        Assert.Equal(6, poller.Lookups);
    }

    [Fact]
    public async Task TasksSubmittedAMomentApartShareTheirFirstRound()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: 1);
        await using var poller = service.Poller(clock, batchSize: 10);
        var first = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(150));
        var second = poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(150) + Schedule.Gathering);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([["a", "b"]], service.Asked.Select(ids => ids.Order(StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public async Task ATaskWaitedOnByIdAloneIsLookedUpAtOnce()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: 1);
        await using var poller = service.Poller(clock, batchSize: 10);

        var record = await poller.WaitAsync("old", TimeSpan.Zero, Timeout.InfiniteTimeSpan, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(record.Done);
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow() - clock.Start); // no time passed: no first delay
    }

    [Fact]
    public async Task ANewTaskDueSoonerWakesALoopThatSleepsLonger()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: 1);
        await using var poller = service.Poller(clock, batchSize: 10);
        var later = poller.WaitAsync("later", Timeout.InfiniteTimeSpan, null, CancellationToken.None);
        await Task.Delay(50); // the loop now sleeps until 10 s

        var now = await poller.WaitAsync("now", TimeSpan.Zero, Timeout.InfiniteTimeSpan, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("now", now.Id);
        Assert.False(later.IsCompleted);
        Assert.Equal(["now"], service.Asked.Single());
    }

    [Fact]
    public async Task TasksStartedApartShareTheFreePlacesOfABatch()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: int.MaxValue);
        await using var poller = service.Poller(clock, batchSize: 10);
        poller.WaitAsync("a", TimeSpan.Zero, Timeout.InfiniteTimeSpan, null, CancellationToken.None).Ignore();
        await Until(() => service.Asked.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        poller.WaitAsync("b", TimeSpan.Zero, Timeout.InfiniteTimeSpan, null, CancellationToken.None).Ignore();
        await Until(() => service.Asked.Count == 2);

        // "b" is due at once and "a" only at 2 s, yet "a" rides along in the batch's free place: no extra request.
        // Next "b" is due at 3 s (after 2 s) and "a" at 4 s (after 3 s): the round for "b" takes "a" along again.
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(30);
        Assert.Equal(2, service.Asked.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Until(() => service.Asked.Count == 3);

        Assert.Equal([["a"], ["a", "b"], ["a", "b"]], service.Asked.Select(ids => ids.Order(StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public async Task FirstLookupsThatComeDueDuringASlowRoundStillGatherBeforeTheNextRound()
    {
        // Ten tasks submitted 50 ms apart (first lookups due 10.00 s to 10.45 s); each lookup takes 100 ms. The round
        // at 10.2 s (first due + gathering) ends at 10.3 s with two first lookups overdue: they still wait until the
        // earliest of them has been due for the gathering (10.45 s), when all the rest are due too. Two rounds, not
        // one after each lookup for whatever came due meanwhile.
        var clock = new FakeTimeProvider();
        var asked = new ConcurrentQueue<(double At, int Ids)>();
        await using var poller = new CoalescingPoller<Record>(
            (ids, _) =>
            {
                asked.Enqueue(((clock.GetUtcNow() - clock.Start).TotalSeconds, ids.Count));
                clock.Advance(TimeSpan.FromMilliseconds(100));
                return Task.FromResult<IReadOnlyList<Record>>(ids.Select(id => new Record(id, 1, false)).ToList());
            },
            10,
            r => r.Id,
            r => r.Done,
            Schedule,
            clock);
        for (var i = 0; i < 10; i++)
        {
            poller.WaitAsync("t" + i, Timeout.InfiniteTimeSpan, null, CancellationToken.None).Ignore();
            if (i == 0)
            {
                await Task.Delay(30); // the loop has started and planned its sleep before the clock moves
            }

            clock.Advance(TimeSpan.FromMilliseconds(i < 9 ? 50 : 0));
        }

        await AdvanceTo(clock, 10.199);
        Assert.Empty(asked);
        await AdvanceTo(clock, 10.2);
        await Until(() => asked.Count == 1);
        await AdvanceTo(clock, 10.449);
        Assert.Single(asked);
        await AdvanceTo(clock, 10.45);
        await Until(() => asked.Count == 2);
        await AdvanceTo(clock, 12);

        Assert.Equal([(10.2, 5), (10.45, 10)], asked.Select(a => (Math.Round(a.At, 3), a.Ids)));
    }

    [Fact]
    public async Task ADeliveredFinalRecordCompletesTheWaitWithoutALookup()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: int.MaxValue);
        await using var poller = service.Poller(clock, batchSize: 10);
        var waiting = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None);
        var other = poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None);

        Assert.False(poller.Deliver("a", new Record("a", 0, Done: false))); // not final: the lookups read it
        Assert.True(poller.Deliver("a", new Record("a", 0, Done: true)));

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Done);
        Assert.False(other.IsCompleted);
        Assert.Equal(0, poller.Lookups);
        Assert.Equal(1, poller.Waiting);
    }

    [Fact]
    public async Task ARecordDeliveredBeforeTheWaitCompletesItAndOnlyTheLatestAreKept()
    {
        var clock = new FakeTimeProvider();
        var service = new Service(lookupsUntilDone: int.MaxValue);
        await using var poller = service.Poller(clock, batchSize: 10);
        for (var i = 0; i <= CoalescingPoller<Record>.MaxEarlyResults; i++)
        {
            Assert.True(poller.Deliver("t-" + i, new Record("t-" + i, 0, Done: true)));
        }

        var latest = await poller.WaitAsync("t-" + CoalescingPoller<Record>.MaxEarlyResults, Timeout.InfiniteTimeSpan, null, CancellationToken.None);
        var evicted = poller.WaitAsync("t-0", Timeout.InfiniteTimeSpan, null, CancellationToken.None);

        Assert.True(latest.Done);
        Assert.False(evicted.IsCompleted); // the oldest went: it waits for its lookups like any other
        Assert.Equal(0, poller.Lookups);
    }

    [Fact]
    public async Task ALookupAnsweringNullFailsItsWaitersAndTheLoopGoesOn()
    {
        var answers = new ConcurrentQueue<IReadOnlyList<Record>?>([null]);
        await using var poller = new CoalescingPoller<Record>(
            (ids, _) => Task.FromResult(answers.TryDequeue(out var next) ? next! : ids.Select(id => new Record(id, 1, true)).ToList()),
            10,
            r => r.Id,
            r => r.Done,
            TimeSpan.FromMilliseconds(5),
            TimeProvider.System);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None));
        var next = await poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("null", failed.Message, StringComparison.Ordinal);
        Assert.True(next.Done);
    }

    [Fact]
    public async Task ADelegateThatThrowsFailsTheWaitersOfItsBatchAndTheLoopGoesOn()
    {
        var calls = 0;
        await using var poller = new CoalescingPoller<Record>(
            (ids, _) => Task.FromResult<IReadOnlyList<Record>>(ids.Select(id => new Record(id, 1, true)).ToList()),
            10,
            r => r.Id,
            r => Interlocked.Increment(ref calls) == 1 ? throw new FormatException("broken rule") : r.Done,
            TimeSpan.FromMilliseconds(5),
            TimeProvider.System);

        await Assert.ThrowsAsync<FormatException>(() => poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None));
        var next = await poller.WaitAsync("b", Timeout.InfiniteTimeSpan, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(next.Done);
        Assert.Equal(0, poller.Waiting);
    }

    [Fact]
    public async Task AProgressHandlerThatThrowsFailsOnlyItsOwnWait()
    {
        var service = new Service(lookupsUntilDone: 2);
        await using var poller = new CoalescingPoller<Record>(service.LookupAsync, 10, r => r.Id, r => r.Done, TimeSpan.FromMilliseconds(5), TimeProvider.System);

        var broken = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, new Throwing(), CancellationToken.None);
        var fine = poller.WaitAsync("a", Timeout.InfiniteTimeSpan, null, CancellationToken.None);

        await Assert.ThrowsAsync<ArithmeticException>(() => broken);
        Assert.True((await fine.WaitAsync(TimeSpan.FromSeconds(10))).Done);
    }

    private static async Task AssertLookupsAt(FakeTimeProvider clock, Service service, double[] seconds)
    {
        var elapsed = TimeSpan.Zero;
        await Task.Delay(30); // the loop has planned its sleep on the clock
        for (var i = 0; i < seconds.Length; i++)
        {
            var at = TimeSpan.FromSeconds(seconds[i]);
            clock.Advance(at - elapsed - TimeSpan.FromMilliseconds(1));
            await Task.Delay(30);
            Assert.Equal(i, service.Asked.Count); // not a millisecond early
            clock.Advance(TimeSpan.FromMilliseconds(1));
            elapsed = at;
            await Until(() => service.Asked.Count == i + 1);
        }
    }

    private static async Task AdvanceTo(FakeTimeProvider clock, double seconds)
    {
        clock.Advance(clock.Start + TimeSpan.FromSeconds(seconds) - clock.GetUtcNow());
        await Task.Delay(30); // the loop has run whatever came due
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 5)
        {
            Assert.True(waited < 10_000, "The poller did not get there in 10 s.");
            await Task.Delay(5);
        }

        await Task.Delay(10); // let the round finish rescheduling
    }

    private sealed record Record(string Id, int Lookup, bool Done);

    private sealed class Throwing : IProgress<Record>
    {
        public void Report(Record value) => throw new ArithmeticException("handler bug");
    }

    private sealed class Service(int lookupsUntilDone)
    {
        private readonly ConcurrentDictionary<string, int> _lookups = new(StringComparer.Ordinal);

        public ConcurrentQueue<string[]> Asked { get; } = new();

        public CoalescingPoller<Record> Poller(TimeProvider clock, int batchSize) =>
            new(LookupAsync, batchSize, r => r.Id, r => r.Done, Schedule, clock);

        public Task<IReadOnlyList<Record>> LookupAsync(IReadOnlyList<string> ids, CancellationToken token)
        {
            Asked.Enqueue([.. ids]);
            IReadOnlyList<Record> records = ids.Select(id =>
            {
                var n = _lookups.AddOrUpdate(id, 1, (_, count) => count + 1);
                return new Record(id, n, n >= lookupsUntilDone);
            }).ToList();
            return Task.FromResult(records);
        }
    }
}
