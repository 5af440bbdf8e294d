using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Client;

/// <summary>WaitForTaskAsync looks the task up until finished_at is set.</summary>
public class ClientPollingTests
{
    private const string Pending = """{ "id": "task-1", "created_at": 1715000000.5, "finished_at": null, "response": { "data": [ { "state": "pending" } ] } }""";
    private const string StillPending = """{ "id": "task-1", "created_at": 1715000000.5, "started_at": 1715000001.0 }""";
    private const string Finished = """
        { "id": "task-1", "created_at": 1715000000.5, "started_at": 1715000001.0, "finished_at": 1715000060.0, "elapsed": 59,
          "response": { "success": true, "task_id": "task-1", "data": [ { "id": "u-1", "state": "succeeded", "video_url": "https://cdn.example.com/v.mp4" } ] } }
        """;

    [Fact]
    public async Task PollsUntilFinishedAtIsSetAndReturnsTheFinalRecord()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/tasks", Reply.Ok(Pending), Reply.Ok(StillPending), Reply.Ok(Finished));
        using var client = TestClients.Create(server);
        var seen = new List<TaskRecord>();

        var record = await client.WaitForTaskAsync("task-1", progress: new SyncProgress<TaskRecord>(seen.Add));

        Assert.True(record.IsFinished);
        Assert.Equal("https://cdn.example.com/v.mp4", record.Response!.Data[0].VideoUrl);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"action":"retrieve","id":"task-1"}""", r.Body));
        Assert.Equal([false, false, true], seen.Select(r => r.IsFinished));
    }

    [Fact]
    public async Task WaitingOnASubmitAnswerPollsItsTaskId()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/videos", Reply.Ok("""{ "task_id": "task-1" }"""));
        server.OnSequence("/happyhorse/tasks", Reply.Ok(Pending), Reply.Ok(Pending), Reply.Ok(Finished));
        using var client = TestClients.Create(server);

        var submitted = await client.GenerateAsync(new GenerateRequest("a horse") { Async = true });
        var record = await client.WaitForTaskAsync(submitted);

        Assert.Equal("task-1", record.Id);
        Assert.True(record.IsFinished);
        Assert.Equal(
            ["/happyhorse/videos", "/happyhorse/tasks", "/happyhorse/tasks", "/happyhorse/tasks"],
            server.Requests.Select(r => r.Path));
        Assert.Equal("""{"action":"generate","model":"happyhorse-1.1-t2v","prompt":"a horse","async":true}""", server.Requests[0].Body);
    }

    [Fact]
    public async Task AnUnknownStateCountsAsNotFinished()
    {
        const string Queued = """{ "id": "task-1", "response": { "data": [ { "state": "queued" } ] } }""";
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/tasks", Reply.Ok(Queued), Reply.Ok(Finished));
        using var client = TestClients.Create(server);

        var record = await client.WaitForTaskAsync("task-1");

        Assert.True(record.IsFinished);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ATransientLookupFailureWhilePollingIsRetried()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/tasks", Reply.Ok(Pending), Reply.Error(500, "api_error"), Reply.Ok(Finished));
        using var client = TestClients.Create(server, maxRetries: 2);

        var record = await client.WaitForTaskAsync("task-1");

        Assert.True(record.IsFinished);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task WaitingOnAnAnswerWithoutATaskIdIsRefusedWithoutARequest()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);
        var synchronous = VideosResponse.FromJson(ResponseReaderTests.DocumentedSuccess.Replace("\"task_id\": \"5d4c3b2a-task\",", "", StringComparison.Ordinal));

        await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForTaskAsync(synchronous));
        Assert.Empty(server.Requests);
    }

    /// <summary>Reports on the caller's thread, unlike Progress&lt;T&gt;, so the list is complete when the wait returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
