using HappyHorse;

namespace HappyHorse.Tests.Client;

/// <summary>
/// Users test their own code against a stand-in client (the client's methods are virtual, its parameterless
/// constructor protected) that returns models built with HappyHorseModelFactory.
/// </summary>
public class ModelFactoryTests
{
    [Fact]
    public async Task CodeUnderTestRunsAgainstAStandInClientReturningFactoryModels()
    {
        using var client = new StandInClient();

        var url = await VideoService.MakeVideoAsync(client, "A horse");

        Assert.Equal("https://cdn.example/v.mp4", url);
        Assert.Equal("A horse", client.Submitted!.Prompt);
    }

    [Fact]
    public void FactoryModelsFollowTheContractsRules()
    {
        var finished = HappyHorseModelFactory.TaskRecord(
            id: "task-1",
            response: HappyHorseModelFactory.VideosResponse(data: [HappyHorseModelFactory.VideoResult(state: VideoState.Succeeded)]));
        var running = HappyHorseModelFactory.TaskRecord(
            id: "task-2",
            response: HappyHorseModelFactory.VideosResponse(data: [HappyHorseModelFactory.VideoResult(state: VideoState.Pending)]));

        Assert.True(finished.HasSucceeded);
        Assert.True(finished.IsFinished);
        Assert.False(running.IsFinished);
    }

    [Fact]
    public void LeftOutValuesAreAbsentAndListsAreCopied()
    {
        var results = new List<VideoResult> { HappyHorseModelFactory.VideoResult(id: "v1") };
        var response = HappyHorseModelFactory.VideosResponse(taskId: "t1", data: results);
        results.Clear();

        Assert.Equal("t1", response.TaskId);
        Assert.Null(response.Success);
        Assert.Null(response.Error);
        Assert.Equal("v1", Assert.Single(response.Data).Id);
        Assert.Empty(response.ReadIssues);
        Assert.Empty(HappyHorseModelFactory.TaskBatch().Items);
    }

    /// <summary>Code a user would test: submit, wait, return the first video's URL.</summary>
    private static class VideoService
    {
        public static async Task<string?> MakeVideoAsync(HappyHorseClient client, string prompt)
        {
            var submitted = await client.GenerateAsync(new GenerateRequest(prompt) { Async = true });
            var record = await client.WaitForTaskAsync(submitted);
            return record.Response is { Data.Count: > 0 } response ? response.Data[0].VideoUrl : null;
        }
    }

    /// <summary>What a mocking library would generate: overrides that answer with factory models, no HTTP.</summary>
    private sealed class StandInClient : HappyHorseClient
    {
        public GenerateRequest? Submitted { get; private set; }

        public override Task<VideosResponse> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken = default)
        {
            Submitted = request;
            return Task.FromResult(HappyHorseModelFactory.VideosResponse(success: true, taskId: "task-1"));
        }

        public override Task<TaskRecord> WaitForTaskAsync(VideosResponse submitted, TimeSpan? pollingInterval = null, TimeSpan? timeout = null, IProgress<TaskRecord>? progress = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(HappyHorseModelFactory.TaskRecord(
                id: submitted.TaskId,
                response: HappyHorseModelFactory.VideosResponse(
                    success: true,
                    data: [HappyHorseModelFactory.VideoResult(state: VideoState.Succeeded, videoUrl: "https://cdn.example/v.mp4")])));
    }
}
