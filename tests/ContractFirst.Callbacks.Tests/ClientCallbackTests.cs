using ContractFirst.Callbacks.Tests.Support;
using ContractFirst.Runtime;
using HappyHorse;
using HappyHorse.Emulator;

namespace ContractFirst.Callbacks.Tests;

/// <summary>
/// A receiver mapped straight onto the generated client: the emulator's real callbacks complete the client's operations
/// and coalesced waits without a lookup, and polling still finishes them when every callback is lost.
/// </summary>
public sealed class ClientCallbackTests
{
    private const int Tasks = 20;

    [Fact]
    public async Task OperationsCompleteFromTheirCallbacksWithNoLookupAfterTheSubmit()
    {
        // Polling is the fallback, ten minutes away: only the callbacks can finish these in time.
        await using var emulator = await HappyHorseEmulator.StartAsync(Fast());
        using var client = SlowPolling(emulator);
        await using var receiver = await ReceiverHost.StartAsync(app => app.MapTaskCallbacks(ReceiverHost.Pattern, Bodies.Secret, (VideosResponse r) => r.TaskId, client));
        var urls = new CallbackUrls(receiver.Template, Bodies.Secret);

        var operations = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i =>
            client.GenerateAsync(WaitUntil.Started, new GenerateRequest($"horse {i}") { CallbackUrl = urls.Create().AbsoluteUri })));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var records = await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync(deadline.Token).AsTask()));

        Assert.All(records, r => Assert.Equal(VideoState.Succeeded, Assert.Single(r.Response!.Data).State));
        Assert.All(operations, o => Assert.True(o.HasCompleted));
        Assert.Equal(Tasks, emulator.Usage.RequestsReceived); // the submits, and no lookup
    }

    [Fact]
    public async Task WaitingOnManyIdsReturnsFromTheCallbacksWithNoLookup()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(Fast());
        using var client = SlowPolling(emulator);
        await using var receiver = await ReceiverHost.StartAsync(app => app.MapTaskCallbacks(ReceiverHost.Pattern, Bodies.Secret, (VideosResponse r) => r.TaskId, client));
        var urls = new CallbackUrls(receiver.Template, Bodies.Secret);

        var submitted = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i =>
            client.GenerateAsync(new GenerateRequest($"horse {i}") { CallbackUrl = urls.Create().AbsoluteUri })));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var finished = new List<TaskRecord>();
        await foreach (var record in client.WaitForTasksAsync(submitted.Select(s => s.TaskId!), cancellationToken: deadline.Token))
        {
            finished.Add(record);
        }

        Assert.Equal(submitted.Select(s => s.TaskId).Order(), finished.Select(r => r.Id).Order());
        Assert.All(finished, r => Assert.True(r.HasSucceeded));
        Assert.Equal(Tasks, emulator.Usage.RequestsReceived);
    }

    [Fact]
    public async Task WhenEveryCallbackIsLostPollingStillCompletesTheOperations()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(Fast());
        using var client = new HappyHorseClient(emulator.Token, new HappyHorseClientOptions
        {
            Endpoint = emulator.BaseAddress,
            FirstPollDelay = TimeSpan.FromMilliseconds(200),
            PollingInterval = TimeSpan.FromMilliseconds(200),
        });

        // The receiver is down: a loopback port nothing listens on, so every delivery fails.
        var gone = await ReceiverHost.StartAsync(app => app.MapTaskCallbacks(ReceiverHost.Pattern, Bodies.Secret, (VideosResponse r) => r.TaskId, client));
        var urls = new CallbackUrls(gone.Template, Bodies.Secret);
        await gone.DisposeAsync();

        var operations = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i =>
            client.GenerateAsync(WaitUntil.Started, new GenerateRequest($"horse {i}") { CallbackUrl = urls.Create().AbsoluteUri })));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var records = await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync(deadline.Token).AsTask()));

        Assert.All(records, r => Assert.True(r.HasSucceeded));
        Assert.InRange(emulator.Usage.RequestsReceived, Tasks + 1, Tasks + 20); // the submits and a few batch lookups
    }

    [Fact]
    public async Task AFinalResultReportedBeforeTheWaitCompletesItWithoutSendingAnything()
    {
        // No service behind this client: any lookup would fail, so only the reported results can answer.
        using var client = new HappyHorseClient("token", new HappyHorseClientOptions { Endpoint = new Uri("http://127.0.0.1:9/") });

        Assert.False(client.ReportTaskResult(new VideosResponse { TaskId = "t-1", Data = [new VideoResult { State = VideoState.Pending }] }));
        Assert.False(client.ReportTaskResult(new VideosResponse { Data = [new VideoResult { State = VideoState.Succeeded }] })); // no task id
        Assert.True(client.ReportTaskResult(new VideosResponse { TaskId = "t-1", Data = [new VideoResult { State = VideoState.Succeeded }] }));
        Assert.True(client.ReportTaskResult(new VideosResponse { TaskId = "t-2", Success = false }));

        var done = await client.GetOperation("t-1").WaitForCompletionAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var failed = await Assert.ThrowsAsync<HappyHorseTaskFailedException>(() => client.GetOperation("t-2").WaitForCompletionAsync().AsTask());

        Assert.True(done.HasSucceeded);
        Assert.Equal("t-1", done.Id);
        Assert.Equal("t-2", failed.TaskId);
    }

    /// <summary>A client against the emulator whose polling is ten minutes away.</summary>
    private static HappyHorseClient SlowPolling(ContractEmulator emulator) => new(emulator.Token, new HappyHorseClientOptions
    {
        Endpoint = emulator.BaseAddress,
        FirstPollDelay = TimeSpan.FromMinutes(10),
        PollingInterval = TimeSpan.FromMinutes(10),
        MaxPollingInterval = TimeSpan.FromMinutes(10),
    });

    private static EmulatorOptions Fast()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(100), AllowRemoteCallbacks = false };
        options.Callbacks.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }
}
