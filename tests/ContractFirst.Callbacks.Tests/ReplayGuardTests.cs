using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Callbacks.Tests;

/// <summary>The duplicate set's memory bound: capacity and age, and never at the cost of a delivery in flight.</summary>
public sealed class ReplayGuardTests
{
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
