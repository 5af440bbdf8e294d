namespace ContractFirst.Runtime.Tests;

public sealed class TaskPollingTests
{
    [Fact]
    public async Task WaitsTheFirstDelayThenPollsAtTheIntervalUntilFinished()
    {
        var clock = new RecordingTimeProvider();
        var states = new Queue<string>(["pending", "running", "succeeded", "never fetched"]);
        var progress = new RecordingProgress<string>();

        var result = await TaskPolling.WaitAsync(
            _ => Task.FromResult(states.Dequeue()),
            state => state == "succeeded",
            TimeSpan.FromSeconds(15),
            TimeSpan.FromSeconds(5),
            clock,
            progress,
            CancellationToken.None);

        Assert.Equal("succeeded", result);
        Assert.Equal(["pending", "running", "succeeded"], progress.Reports);
        Assert.Equal([TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], clock.Delays);
    }

    [Fact]
    public async Task CancellationStopsBeforeTheNextFetch()
    {
        using var cts = new CancellationTokenSource();
        var fetches = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskPolling.WaitAsync(
            _ =>
            {
                fetches++;
                cts.Cancel();
                return Task.FromResult("pending");
            },
            _ => false,
            TimeSpan.Zero,
            TimeSpan.FromHours(1),
            TimeProvider.System,
            null,
            cts.Token));

        Assert.Equal(1, fetches);
    }
}
