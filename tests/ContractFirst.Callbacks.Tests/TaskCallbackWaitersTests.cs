namespace ContractFirst.Callbacks.Tests;

/// <summary>The hook for waiting code: a callback completes its task's waiters, early or late, and polling is the fallback.</summary>
public sealed class TaskCallbackWaitersTests
{
    [Fact]
    public async Task AWaiterCompletesWhenItsCallbackComes()
    {
        var waiters = new TaskCallbackWaiters<string>();
        var first = waiters.WaitAsync("t-1");
        var second = waiters.WaitAsync("t-1");
        Assert.Equal(1, waiters.Waiting);
        Assert.False(first.IsCompleted);

        Assert.True(waiters.Complete("t-1", "done"));

        Assert.Equal("done", await first);
        Assert.Equal("done", await second);
        Assert.Equal(0, waiters.Waiting);
    }

    [Fact]
    public async Task AResultThatCameBeforeTheWaiterIsKeptForIt()
    {
        var waiters = new TaskCallbackWaiters<string>();

        Assert.False(waiters.Complete("t-2", "early"));

        var wait = waiters.WaitAsync("t-2");
        Assert.True(wait.IsCompletedSuccessfully);
        Assert.Equal("early", await wait);
    }

    [Fact]
    public async Task KeptResultsAreBoundedAndExpire()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var waiters = new TaskCallbackWaiters<string>(capacity: 10, keepFor: TimeSpan.FromMinutes(5), timeProvider: time);
        for (var i = 0; i < 100; i++)
        {
            waiters.Complete($"t-{i}", "early");
        }

        Assert.False(waiters.WaitAsync("t-0", new CancellationToken(canceled: false)).IsCompleted); // pushed out
        Assert.Equal("early", await waiters.WaitAsync("t-99"));
        time.Advance(TimeSpan.FromMinutes(6));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiters.WaitAsync("t-99", cancel.Token)); // expired
    }

    [Fact]
    public async Task ACancelledWaitLeavesNothingBehindAndOthersGoOn()
    {
        var waiters = new TaskCallbackWaiters<string>();
        using var cancel = new CancellationTokenSource();
        var cancelled = waiters.WaitAsync("t-3", cancel.Token);
        var other = waiters.WaitAsync("t-3");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, waiters.Waiting);

        waiters.Complete("t-3", "done");
        Assert.Equal("done", await other);

        using var alone = new CancellationTokenSource();
        var lone = waiters.WaitAsync("t-4", alone.Token);
        await alone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lone);
        Assert.Equal(0, waiters.Waiting);
    }

    [Fact]
    public async Task TheCallbackWinsTheRaceAndCancelsPolling()
    {
        var waiters = new TaskCallbackWaiters<string>();
        var pollingCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var wait = waiters.WaitAsync("t-5", async ct =>
        {
            ct.Register(() => pollingCancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return "polled";
        });
        waiters.Complete("t-5", "called back");

        Assert.Equal("called back", await wait);
        await pollingCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PollingWinsWhenTheCallbackIsLostAndItsFailureIsTheCallers()
    {
        var waiters = new TaskCallbackWaiters<string>();

        Assert.Equal("polled", await waiters.WaitAsync("t-6", _ => Task.FromResult("polled")));
        Assert.Equal(0, waiters.Waiting);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => waiters.WaitAsync("t-7", async _ =>
        {
            await Task.Yield();
            throw new TimeoutException("still running");
        }));
        Assert.Equal("still running", ex.Message);
        Assert.Equal(0, waiters.Waiting);

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiters.WaitAsync("t-8", _ => throw new InvalidOperationException()));
        Assert.Equal(0, waiters.Waiting);
    }

    [Fact]
    public async Task TheCallersCancellationStopsBoth()
    {
        var waiters = new TaskCallbackWaiters<string>();
        using var cancel = new CancellationTokenSource();
        var wait = waiters.WaitAsync("t-9", async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "polled";
        }, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(0, waiters.Waiting);
    }
}
