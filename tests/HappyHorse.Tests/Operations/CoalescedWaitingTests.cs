using System.Text.Json.Nodes;

namespace HappyHorse.Tests.Operations;

/// <summary>
/// Many operations on one client share one poller: each round asks the batch lookup for every outstanding task, so
/// n waiting tasks cost at most ceil(n / TaskBatchSize) requests a round, over the connections already open.
/// </summary>
public class CoalescedWaitingTests
{
    [Fact]
    public async Task TwoHundredFiftyWaitingTasksCostAtMostThreeRequestsPerRound()
    {
        const int Tasks = 250;
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromSeconds(2));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(200));
        var operations = await sdk.StartManyAsync(Tasks);
        var before = emulator.Usage.RequestsReceived;
        var connectionsBefore = sdk.Connections;

        var records = await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync().AsTask()));

        Assert.All(records, r => Assert.True(r.HasSucceeded));
        Assert.Equal(operations.Select(o => o.Id), records.Select(r => r.Id));
        var lookups = emulator.Requests.Skip(Tasks).Where(r => r.Path == "/happyhorse/tasks").ToList();
        Assert.Equal(emulator.Usage.RequestsReceived - before, lookups.Count);
        var asked = lookups.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(asked, body => Assert.Equal("retrieve_batch", (string?)body["action"]));
        Assert.All(asked, body => Assert.InRange(body["ids"]!.AsArray().Count, 1, HappyHorseClient.TaskBatchSize));

        // Every round asks for every outstanding task once, so the most often asked id counts the rounds.
        var rounds = asked.SelectMany(body => body["ids"]!.AsArray().Select(id => (string)id!)).GroupBy(id => id).Max(g => g.Count());
        var perRound = (Tasks + HappyHorseClient.TaskBatchSize - 1) / HappyHorseClient.TaskBatchSize;
        Assert.InRange(lookups.Count, rounds, rounds * perRound);
        // Against the real clock tasks submitted over a second or two fall due at different moments, so requests are not
        // aligned in rounds here (FakeTimeProvider tests in CoalescingPollerScheduleTests pin the per-round count exactly). What
        // holds whatever the load: each request carries many ids, i.e. one-by-one polling would send that many times more.
        var asks = asked.Sum(body => body["ids"]!.AsArray().Count);
        Assert.True(asks >= 25 * lookups.Count, $"{asks} ids asked in {lookups.Count} requests: fewer than 25 a request");
        Assert.InRange(sdk.Connections - connectionsBefore, 0, ContractFirst.Runtime.CoalescingPoller<TaskRecord>.MaxConcurrentLookups);
    }

    [Fact]
    public async Task WaitForTasksYieldsEachTaskAsItEndsNotInTheOrderAsked()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(800));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(25));
        var first = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("first") { Async = true });
        await Task.Delay(500);
        var second = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("second") { Async = true });

        var order = new List<string>();
        await foreach (var record in sdk.Client.WaitForTasksAsync([second.Id, first.Id]))
        {
            Assert.True(record.IsFinished);
            order.Add(record.Id!);
        }

        Assert.Equal([first.Id, second.Id], order);
    }

    [Fact]
    public async Task FailedTasksAreYieldedWithoutEndingTheOtherWaits()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(100), failureRate: 1);
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(25));
        var operations = await sdk.StartManyAsync(5);

        var records = new List<TaskRecord>();
        await foreach (var record in sdk.Client.WaitForTasksAsync(operations.Select(o => o.Id)))
        {
            records.Add(record);
        }

        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.True(r.HasFailed));
    }

    [Fact]
    public async Task DisposingTheClientFailsTheWaitsStillOutstanding()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromSeconds(30));
        var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(25));
        var operation = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("A white horse") { Async = true });
        var waiting = operation.WaitForCompletionAsync().AsTask();

        sdk.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }
}
