namespace ContractFirst.Callbacks.Tests;

/// <summary>What the duplicate set holds in memory, measured alone: GC.GetTotalMemory counts every thread's objects.</summary>
[Collection(MemoryMeasurement.Name)]
public sealed class ReplayGuardMemoryTests(Xunit.Abstractions.ITestOutputHelper output)
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
}

/// <summary>Tests that measure process memory run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement";
}
