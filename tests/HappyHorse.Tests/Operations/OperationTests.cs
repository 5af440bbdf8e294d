namespace HappyHorse.Tests.Operations;

/// <summary>
/// The generated operation against the emulator: WaitUntil on submit, Value and HasCompleted as Azure's Operation
/// has them, the typed failure, and rehydration from an id alone.
/// </summary>
public class OperationTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    [Fact]
    public async Task WaitUntilCompletedReturnsAnOperationWhoseValueIsTheFinalRecord()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(150));
        using var sdk = new EmulatorClient(emulator, Poll);

        var operation = await sdk.Client.GenerateAsync(WaitUntil.Completed, new GenerateRequest("A white horse") { Async = true });

        Assert.True(operation.HasCompleted);
        Assert.True(operation.HasValue);
        Assert.Equal(operation.Id, operation.Value.Id);
        Assert.True(operation.Value.HasSucceeded);
        Assert.Equal(VideoState.Succeeded, Assert.Single(operation.Value.Response!.Data).State);
    }

    [Fact]
    public async Task WaitUntilStartedReturnsWhileTheTaskRunsAndValueRefusesUntilItEnds()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromSeconds(1));
        using var sdk = new EmulatorClient(emulator, Poll);

        var operation = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("A white horse") { Async = true });

        Assert.False(operation.HasCompleted);
        Assert.False(operation.HasValue);
        Assert.Throws<InvalidOperationException>(() => operation.Value);
        var running = await operation.UpdateStatusAsync();
        Assert.False(running.IsFinished);
        Assert.False(operation.HasCompleted);

        var final = await operation.WaitForCompletionAsync();

        Assert.True(operation.HasCompleted);
        Assert.Same(final, operation.Value);
        Assert.True(final.HasSucceeded);
    }

    [Fact]
    public async Task AnOperationRebuiltFromItsIdOnAnotherClientFindsTheTask()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(300));
        string id;
        using (var first = new EmulatorClient(emulator, Poll))
        {
            id = (await first.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("A white horse") { Async = true })).Id;
        }

        using var second = new EmulatorClient(emulator, Poll);
        var operation = second.Client.GetOperation(id);
        Assert.Null(operation.Record);

        var final = await operation.WaitForCompletionAsync();

        Assert.Equal(id, final.Id);
        Assert.True(final.HasSucceeded);
        Assert.Same(final, await operation.UpdateStatusAsync()); // an ended task is not looked up again
    }

    [Fact]
    public async Task AFailedTaskRaisesTaskFailedExceptionFromTheWaitAndFromValue()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(100), failureRate: 1);
        using var sdk = new EmulatorClient(emulator, Poll);
        var operation = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("A white horse") { Async = true });

        var error = await Assert.ThrowsAsync<HappyHorseTaskFailedException>(async () => await operation.WaitForCompletionAsync());

        Assert.Equal(operation.Id, error.TaskId);
        Assert.True(operation.HasCompleted);
        Assert.False(operation.HasValue);
        Assert.Same(error.Record, Assert.Throws<HappyHorseTaskFailedException>(() => operation.Value).Record);
    }

    [Fact]
    public async Task WithThrowOnFailedTaskOffAFailedTaskIsTheValue()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(100), failureRate: 1);
        using var sdk = new EmulatorClient(emulator, Poll, options => options.ThrowOnFailedTask = false);

        var operation = await sdk.Client.GenerateAsync(WaitUntil.Completed, new GenerateRequest("A white horse") { Async = true });

        Assert.True(operation.HasValue);
        Assert.True(operation.Value.HasFailed);
    }

    [Fact]
    public async Task AWaitWithItsOwnPollingIntervalLooksTheTaskUpAlone()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(300));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromSeconds(30));
        var operation = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("A white horse") { Async = true });

        // The shared poller's rounds are 30 s apart; an own interval of 20 ms is not bound by them.
        var final = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(10));

        Assert.True(final.HasSucceeded);
        Assert.All(emulator.Requests.Where(r => r.Path == "/happyhorse/tasks"), r => Assert.Contains("\"retrieve\"", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWaitEndsAtItsDeadlineWhileTheTaskGoesOn()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromSeconds(30));
        using var sdk = new EmulatorClient(emulator, Poll);
        var operation = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("A white horse") { Async = true });

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await operation.WaitForCompletionAsync(null, TimeSpan.FromMilliseconds(200)));

        Assert.Contains(operation.Id, error.Message, StringComparison.Ordinal);
        Assert.False(operation.HasCompleted);
    }
}
