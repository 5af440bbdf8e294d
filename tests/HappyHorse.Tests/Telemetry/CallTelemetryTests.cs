using System.Diagnostics;
using HappyHorse.Emulator;
using HappyHorse.Tests.Infrastructure;
using HappyHorse.Tests.Operations;

namespace HappyHorse.Tests.Telemetry;

/// <summary>
/// What an OpenTelemetry user sees of a call: a Client span tagged with the API, action, model and the task id the
/// answer names; the duration, retries and estimated spend as metrics, spend only for submits the service accepted.
/// </summary>
[Collection(TelemetryTestGroup.Name)]
public class CallTelemetryTests
{
    [Fact]
    public async Task ASubmitAndItsWaitProduceSpansTaggedWithActionModelAndTaskId()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(150));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));
        using var recorder = new TelemetryRecorder();
        using var root = new Activity("test").Start();

        var submitted = await sdk.Client.GenerateAsync(new GenerateRequest("a horse") { Async = true, Model = GenerateModel.HappyHorse1_0 });
        var record = await sdk.Client.WaitForTaskAsync(submitted);

        Assert.True(record.HasSucceeded);
        var spans = recorder.Spans.Where(s => s.TraceId == root.TraceId).ToList();
        var submit = Assert.Single(spans, s => "generate".Equals(s.GetTagItem("contractfirst.action")));
        Assert.Equal(ActivityKind.Client, submit.Kind);
        Assert.Equal("HappyHorse", submit.GetTagItem("contractfirst.api"));
        Assert.Equal("happyhorse-1.0-t2v", submit.GetTagItem("contractfirst.model"));
        Assert.Equal(submitted.TaskId, submit.GetTagItem("contractfirst.task_id"));
        Assert.Equal(200, submit.GetTagItem("http.response.status_code"));

        var wait = Assert.Single(spans, s => s.OperationName == "wait task");
        Assert.Equal(ActivityKind.Internal, wait.Kind);
        Assert.Equal(submitted.TaskId, wait.GetTagItem("contractfirst.task_id"));
        Assert.Equal("succeeded", wait.GetTagItem("contractfirst.task.state"));
        Assert.Equal("poll", wait.GetTagItem("contractfirst.wait.mode"));
        Assert.Equal(ActivityStatusCode.Ok, wait.Status);
        var lookups = spans.Where(s => s.ParentSpanId == wait.SpanId).ToList();
        Assert.NotEmpty(lookups);
        Assert.All(lookups, lookup => Assert.Equal("retrieve", lookup.GetTagItem("contractfirst.action")));
        Assert.All(lookups, lookup => Assert.Null(lookup.GetTagItem("contractfirst.model")));

        var duration = Assert.Single(recorder.Of(ContractMetrics.TaskDuration));
        Assert.Equal("succeeded", duration.Tag("contractfirst.task.state"));
        Assert.InRange(duration.Value, 0, 30);
    }

    [Fact]
    public async Task AnUnsetModelIsTaggedWithTheModelTheContractSends()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(50));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));
        using var recorder = new TelemetryRecorder();
        using var root = new Activity("test").Start();

        await sdk.Client.GenerateAsync(new GenerateRequest("a horse") { Async = true });

        var submit = Assert.Single(recorder.Spans, s => s.TraceId == root.TraceId);
        Assert.Equal("happyhorse-1.1-t2v", submit.GetTagItem("contractfirst.model"));
    }

    [Fact]
    public async Task AnAcceptedSubmitAddsItsEstimateOnceAndTheCallsDuration()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(50));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));
        using var recorder = new TelemetryRecorder();
        var request = new GenerateRequest("a horse") { Async = true, Resolution = Resolution.P1080, Duration = 10 };

        await sdk.Client.GenerateAsync(request);

        var spend = Assert.Single(recorder.Of(ContractMetrics.EstimatedSpend));
        Assert.Equal((double)HappyHorsePricing.Estimate(request).Amount, spend.Value, 10);
        Assert.Equal(1.8, spend.Value, 10);
        Assert.Equal("USD", spend.Tag("contractfirst.currency"));
        Assert.Equal("generate", spend.Tag("contractfirst.action"));
        Assert.Equal("happyhorse-1.1-t2v", spend.Tag("contractfirst.model"));
        Assert.Equal("HappyHorse", spend.Tag("contractfirst.api"));

        var duration = Assert.Single(recorder.Of(ContractMetrics.OperationDuration));
        Assert.Equal(200, duration.Tag("http.response.status_code"));
        Assert.Null(duration.Tag("error.type"));
        Assert.InRange(duration.Value, 0, 30);
    }

    [Fact]
    public async Task ARefusedSubmitAddsNoSpendAndRecordsTheErrorType()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(50) };
        options.BlockedWords.Add("forbidden");
        await using var emulator = await HappyHorseEmulator.StartAsync(options);
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));
        using var recorder = new TelemetryRecorder();
        using var root = new Activity("test").Start();

        var error = await Assert.ThrowsAnyAsync<HappyHorseException>(() => sdk.Client.GenerateAsync(new GenerateRequest("a forbidden horse") { Async = true }));

        Assert.Empty(recorder.Of(ContractMetrics.EstimatedSpend));
        var duration = Assert.Single(recorder.Of(ContractMetrics.OperationDuration));
        Assert.Equal(error.StatusCode, duration.Tag("http.response.status_code"));
        Assert.Equal(error.ErrorCode, duration.Tag("error.type"));
        var span = Assert.Single(recorder.Spans, s => s.TraceId == root.TraceId);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.GetTagItem("contractfirst.task_id"));
    }

    [Fact]
    public async Task ARetryIsCountedWithItsReasonAndTheRetriedSubmitIsChargedOnce()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/videos",
            Reply.Error(429, "too_many_requests"),
            Reply.Ok("""{ "success": true, "task_id": "task-9" }"""));
        using var client = TestClients.Create(server);
        using var recorder = new TelemetryRecorder();

        var answer = await client.GenerateAsync(new GenerateRequest("a horse") { Async = true, Duration = 5 });

        Assert.Equal("task-9", answer.TaskId);
        Assert.Equal(2, server.Requests.Count);
        var retry = Assert.Single(recorder.Of(ContractMetrics.Retries));
        Assert.Equal(1, retry.Value);
        Assert.Equal("too_many_requests", retry.Tag("contractfirst.retry.reason"));
        Assert.Equal("generate", retry.Tag("contractfirst.action"));
        var spend = Assert.Single(recorder.Of(ContractMetrics.EstimatedSpend));
        Assert.Equal(0.525, spend.Value, 10);
    }

    [Fact]
    public async Task ATimedOutWaitEndsItsSpanAsAnErrorAndStopsCountingTheTask()
    {
        await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMinutes(5));
        using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));
        var submitted = await sdk.Client.GenerateAsync(new GenerateRequest("a slow horse") { Async = true });
        using var recorder = new TelemetryRecorder();

        await Assert.ThrowsAsync<TimeoutException>(() => sdk.Client.WaitForTaskAsync(submitted, timeout: TimeSpan.FromMilliseconds(200)));

        var wait = Assert.Single(recorder.Spans, s => s.OperationName == "wait task");
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("timeout", wait.GetTagItem("error.type"));
        Assert.Equal(1, recorder.MaxWaiting);
        Assert.Equal(0, recorder.Waiting);
        Assert.Empty(recorder.Of(ContractMetrics.TaskDuration));
    }
}
