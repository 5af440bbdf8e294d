using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Client;

/// <summary>Each client method sends the documented HTTP request and reads the answer.</summary>
public class ClientRequestTests
{
    private const string VideosPath = "/happyhorse/videos";
    private const string TasksPath = "/happyhorse/tasks";

    [Theory]
    [InlineData("generate", """{"action":"generate","model":"happyhorse-1.1-t2v","prompt":"a horse running on a beach"}""")]
    [InlineData("image_to_video", """{"action":"image_to_video","model":"happyhorse-1.1-i2v","image_url":"https://cdn.example.com/first-frame.png"}""")]
    [InlineData("reference_to_video", """{"action":"reference_to_video","model":"happyhorse-1.1-r2v","prompt":"character1 rides a horse","image_urls":["https://cdn.example.com/first-frame.png"]}""")]
    [InlineData("video_edit", """{"action":"video_edit","model":"happyhorse-1.0-video-edit","prompt":"make it snow","video_url":"https://cdn.example.com/input.mp4"}""")]
    public async Task EachActionPostsItsJsonToTheVideosEndpointAndReadsTheAnswer(string action, string expectedBody)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Ok(ResponseReaderTests.DocumentedSuccess));
        using var client = TestClients.Create(server);

        var response = await SubmitAsync(client, SampleRequests.Minimal(action));

        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(VideosPath, sent.Path);
        Assert.Equal("Bearer " + TestClients.Token, sent.Header("authorization"));
        Assert.Equal("application/json", sent.Header("content-type"));
        Assert.Equal("application/json", sent.Header("accept"));
        Assert.Equal(expectedBody, sent.Body);

        Assert.Equal("5d4c3b2a-task", response.TaskId);
        Assert.Equal("https://cdn.acedata.cloud/abc.mp4", Assert.Single(response.Data).VideoUrl);
    }

    [Fact]
    public async Task AFullyPopulatedRequestIsSentExactlyAsSerialised()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Ok("""{ "task_id": "task-9" }"""));
        using var client = TestClients.Create(server);

        var response = await client.GenerateAsync(SampleRequests.FullGenerate());

        Assert.Equal(
            """{"action":"generate","model":"happyhorse-1.0-t2v","prompt":"a horse running on a beach","ratio":"16:9","duration":10,"resolution":"1080P","watermark":true,"seed":42,"callback_url":"https://hooks.example.com/happyhorse","async":true}""",
            Assert.Single(server.Requests).Body);
        Assert.Equal("task-9", response.TaskId);
        Assert.Empty(response.Data);
    }

    [Fact]
    public async Task GetTaskPostsTheIdWithActionRetrieveAndReadsTheRecord()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(TasksPath, Reply.Ok(TaskRecordReaderTests.FinishedRecord));
        using var client = TestClients.Create(server);

        var record = await client.GetTaskAsync("task-1");

        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(TasksPath, sent.Path);
        Assert.Equal("Bearer " + TestClients.Token, sent.Header("authorization"));
        Assert.Equal("application/json", sent.Header("content-type"));
        Assert.Equal("""{"action":"retrieve","id":"task-1"}""", sent.Body);
        Assert.Equal("task-1", record.Id);
        Assert.True(record.IsFinished);
    }

    [Fact]
    public async Task GetTasksPostsTheIdsWithActionRetrieveBatchAndReadsTheBatch()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(TasksPath, Reply.Ok("""{ "items": [ { "id": "task-1" }, { "id": "task-2", "finished_at": 1715000090.5 } ], "count": 2 }"""));
        using var client = TestClients.Create(server);

        var batch = await client.GetTasksAsync(["task-1", "task-2"]);

        var sent = Assert.Single(server.Requests);
        Assert.Equal(TasksPath, sent.Path);
        Assert.Equal("Bearer " + TestClients.Token, sent.Header("authorization"));
        Assert.Equal("""{"action":"retrieve_batch","ids":["task-1","task-2"]}""", sent.Body);
        Assert.Equal(2, batch.Count);
        Assert.Equal([false, true], batch.Items.Select(r => r.IsFinished));
    }

    internal static Task<VideosResponse> SubmitAsync(HappyHorseClient client, IValidatable request) => request switch
    {
        GenerateRequest r => client.GenerateAsync(r),
        ImageToVideoRequest r => client.ImageToVideoAsync(r),
        ReferenceToVideoRequest r => client.ReferenceToVideoAsync(r),
        VideoEditRequest r => client.VideoEditAsync(r),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, null),
    };
}
