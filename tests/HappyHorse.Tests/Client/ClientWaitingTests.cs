using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Client;

/// <summary>
/// WaitForTaskAsync ends when the contract's terminal rules say so, fails typed when the task
/// failed, survives transient lookup failures, and always ends by its deadline.
/// </summary>
public class ClientWaitingTests
{
    private const string Pending = """{ "id": "task-1", "response": { "data": [ { "state": "pending" } ] } }""";

    [Fact]
    public async Task AFinishedVideoWithoutFinishedAtEndsTheWaitAsASuccess()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/tasks", Reply.Ok(Pending),
            Reply.Ok("""{ "id": "task-1", "response": { "success": true, "data": [ { "state": "succeeded", "video_url": "https://cdn.example.com/v.mp4" } ] } }"""));
        using var client = TestClients.Create(server);

        var record = await client.WaitForTaskAsync("task-1");

        Assert.True(record.HasSucceeded);
        Assert.Null(record.FinishedAt);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("""{ "id": "task-1", "response": { "data": [ { "state": "error" } ] } }""", "response.data[].state has any item error")]
    [InlineData("""{ "id": "task-1", "response": { "data": [ { "state": "succeeded" }, { "state": "error" } ] } }""", "response.data[].state has any item error")]
    [InlineData("""{ "id": "task-1", "response": { "success": false, "error": { "code": "api_error", "message": "upstream failed" } } }""", "response.success is false")]
    [InlineData("""{ "id": "task-1", "finished_at": 1715000060.0, "response": { "error": { "code": "api_error" } } }""", "response.error is present")]
    public async Task AFailedTaskRaisesTaskFailedExceptionCarryingTheRecord(string failed, string reason)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/tasks", Reply.Ok(Pending), Reply.Ok(failed));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<HappyHorseTaskFailedException>(() => client.WaitForTaskAsync("task-1"));

        Assert.Equal("task-1", error.TaskId);
        Assert.Equal(reason, error.Record.FailureReason);
        Assert.False(error.Record.HasSucceeded);
        Assert.Equal(ContractFirst.Runtime.ApiFailureKind.TaskFailed, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ThrowOnFailedTaskOffReturnsTheFailedRecord()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/tasks", Reply.Ok("""{ "id": "task-1", "trace_id": "tr-9", "response": { "data": [ { "state": "error" } ] } }"""));
        var options = TestClients.FastOptions(server.BaseAddress);
        options.ThrowOnFailedTask = false;
        using var client = new HappyHorseClient(TestClients.Token, options);

        var record = await client.WaitForTaskAsync("task-1");

        Assert.True(record.HasFailed);
        Assert.Equal("tr-9", record.TraceId);
    }

    [Fact]
    public async Task ARecordThatNeverSaysItEndedEndsAtTheDeadlineWithFewPolls()
    {
        // What a broken gateway answered: a 200 that is no task record at all. Before, this was polled forever.
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/tasks", Reply.Ok("""{ "error": "boom" }"""));
        var options = TestClients.FastOptions(server.BaseAddress);
        options.PollingInterval = TimeSpan.FromMilliseconds(20);
        options.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
        using var client = new HappyHorseClient(TestClients.Token, options);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForTaskAsync("task-1", timeout: TimeSpan.FromSeconds(1.5)));

        Assert.Contains("task task-1", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 3, 20); // backoff: about 10 lookups in 1.5 s, not hundreds
    }

    [Fact]
    public async Task ALookupThatExhaustsItsRetriesDoesNotEndTheWait()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence("/happyhorse/tasks",
            Reply.Error(503, "unavailable"), Reply.Error(500, "api_error"), Reply.Error(502, "bad_gateway"),
            Reply.Ok("""{ "id": "task-1", "response": { "data": [ { "state": "succeeded" } ] } }"""));
        using var client = TestClients.Create(server, maxRetries: 1);

        var record = await client.WaitForTaskAsync("task-1");

        Assert.True(record.HasSucceeded);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task APermanentLookupErrorEndsTheWaitWithItsException()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/tasks", Reply.Error(401, "invalid_token"));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<HappyHorseAuthenticationException>(() => client.WaitForTaskAsync("task-1"));

        Assert.Single(server.Requests);
    }

    [Fact]
    public void TheOptionsCarryTheContractsWaitingRules()
    {
        var options = new HappyHorseClientOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), true),
            (options.FirstPollDelay, options.PollingInterval, options.MaxPollingInterval, options.WaitTimeout, options.ThrowOnFailedTask));
    }
}
