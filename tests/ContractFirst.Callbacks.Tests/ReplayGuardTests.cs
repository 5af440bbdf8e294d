using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Callbacks.Tests;

/// <summary>The duplicate set's memory bound: capacity and age, and never at the cost of a delivery in flight.</summary>
public sealed class ReplayGuardTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void ARememberedIdCostsAFewHundredBytesAndAFullSetStopsGrowing()
    {
        const int Capacity = 10_000;
        var ids = Enumerable.Range(0, 10 * Capacity).Select(_ => Guid.NewGuid().ToString()).ToArray(); // the ids' own strings are not the guard's cost
        var guard = new ReplayGuard(Capacity, TimeSpan.FromHours(1), TimeProvider.System);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        Fill(guard, ids.AsSpan(0, Capacity));
        var full = GC.GetTotalMemory(forceFullCollection: true);
        Fill(guard, ids.AsSpan(Capacity));
        var afterTenTimesMore = GC.GetTotalMemory(forceFullCollection: true);

        var perId = (full - before) / (double)Capacity;
        output.WriteLine($"{perId:F0} bytes per remembered id; {Capacity:N0} ids: {(full - before) / 1024:N0} KiB; after {ids.Length:N0} ids: {(afterTenTimesMore - before) / 1024:N0} KiB");
        Assert.InRange(perId, 1, 200);
        Assert.InRange(afterTenTimesMore - before, 0, (full - before) * 1.25);
        GC.KeepAlive(guard);
    }

    private static void Fill(ReplayGuard guard, ReadOnlySpan<string> ids)
    {
        foreach (var id in ids)
        {
            guard.TryClaim(id, out var claim);
            guard.Release(id, claim, handled: true);
        }
    }

    [Fact]
    public void HandledIdsNeverExceedTheCapacity()
    {
        var guard = new ReplayGuard(100, TimeSpan.FromHours(1), TimeProvider.System);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Equal(ReplayGuard.Outcome.First, guard.TryClaim($"t-{i}", out var claim));
            guard.Release($"t-{i}", claim, handled: true);
            Assert.InRange(guard.Count, 1, 100);
        }
    }

    [Fact]
    public void ExpiredIdsAreDroppedOnTheNextWrite()
    {
        var time = new FakeTimeProvider();
        var guard = new ReplayGuard(1_000, TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 500; i++)
        {
            guard.TryClaim($"t-{i}", out var claim);
            guard.Release($"t-{i}", claim, handled: true);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        guard.TryClaim("fresh", out _);

        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void ADeliveryInFlightIsNeverPushedOutSoItsDuplicateCannotRunBesideIt()
    {
        var guard = new ReplayGuard(2, TimeSpan.FromHours(1), TimeProvider.System);
        Assert.Equal(ReplayGuard.Outcome.First, guard.TryClaim("a", out var a));
        Assert.Equal(ReplayGuard.Outcome.First, guard.TryClaim("b", out _));

        Assert.Equal(ReplayGuard.Outcome.Full, guard.TryClaim("c", out _));
        Assert.Equal(ReplayGuard.Outcome.InFlight, guard.TryClaim("a", out _));

        guard.Release("a", a, handled: true);
        Assert.Equal(ReplayGuard.Outcome.First, guard.TryClaim("c", out _)); // "a" (handled) gave way
        Assert.Equal(ReplayGuard.Outcome.InFlight, guard.TryClaim("b", out _));
    }

    [Fact]
    public async Task AFailedDeliveryIsForgottenSoTheRetryRuns()
    {
        var guard = new ReplayGuard(10, TimeSpan.FromHours(1), TimeProvider.System);
        guard.TryClaim("a", out var claim);
        guard.Release("a", claim, handled: false);

        Assert.False(await claim.Done.Task);
        Assert.Equal(ReplayGuard.Outcome.First, guard.TryClaim("a", out _));
    }
}
