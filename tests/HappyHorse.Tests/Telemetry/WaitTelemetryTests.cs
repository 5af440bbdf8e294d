using System.Diagnostics;
using HappyHorse.Tests.Operations;

namespace HappyHorse.Tests.Telemetry;

/// <summary>
/// Waits on the client's shared poller: one Internal span per waiter with its task id, the tasks-waiting count up
/// while they wait and back to 0 after, a task duration per task, and the poller's lookups as spans of their own.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public class WaitTelemetryTests
{
    [Fact]
    public async Task CoalescedWaitsGetOneSpanPerWaiterAndTheWaitingCountReturnsToZero()
    {
        const int Tasks = 3;
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(300));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(25));
        var operations = await sdk.StartManyAsync(Tasks);
        using var recorder = new TelemetryRecorder();
        using var root = new Activity("test").Start();

        var records = await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync().AsTask()));

        Assert.All(records, r => Assert.True(r.HasSucceeded));
        var waits = recorder.Spans.Where(s => s.OperationName == "wait task").ToList();
        Assert.Equal(operations.Select(o => o.Id).Order(), waits.Select(w => (string)w.GetTagItem("contractfirst.task_id")!).Order());
        Assert.All(waits, w =>
        {
            Assert.Equal(ActivityKind.Internal, w.Kind);
            Assert.Equal("coalesced", w.GetTagItem("contractfirst.wait.mode"));
            Assert.Equal("succeeded", w.GetTagItem("contractfirst.task.state"));
            Assert.Equal(root.TraceId, w.TraceId);
        });

        // The batch lookups serve all three waiters: they are not children of whichever wait started the poller.
        var lookups = recorder.Spans.Where(s => "retrieve_batch".Equals(s.GetTagItem("contractfirst.action"))).ToList();
        Assert.NotEmpty(lookups);
        Assert.All(lookups, l => Assert.NotEqual(root.TraceId, l.TraceId));

        Assert.Equal(Tasks, recorder.MaxWaiting);
        Assert.Equal(0, recorder.Waiting);
        var durations = recorder.Of(ContractMetrics.TaskDuration);
        Assert.Equal(Tasks, durations.Count);
        Assert.All(durations, d => Assert.Equal("succeeded", d.Tag("contractfirst.task.state")));
    }

    [Fact]
    public async Task AFailedTaskEndsItsWaitSpanAsAnErrorWithTheFailedState()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(50), failureRate: 1);
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));
        var operation = await sdk.Client.GenerateAsync(WaitUntil.Started, new GenerateRequest("a failing horse") { Async = true });
        using var recorder = new TelemetryRecorder();

        await Assert.ThrowsAsync<HappyHorseTaskFailedException>(() => operation.WaitForCompletionAsync().AsTask());

        var wait = Assert.Single(recorder.Spans, s => s.OperationName == "wait task");
        Assert.Equal(operation.Id, wait.GetTagItem("contractfirst.task_id"));
        Assert.Equal("failed", wait.GetTagItem("contractfirst.task.state"));
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("failed", Assert.Single(recorder.Of(ContractMetrics.TaskDuration)).Tag("contractfirst.task.state"));
        Assert.Equal(0, recorder.Waiting);
    }
}
