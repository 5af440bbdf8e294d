using System.Text.Json;

namespace HappyHorse.Tests;

/// <summary>Reading the tasks endpoint's records and batches.</summary>
public class TaskRecordReaderTests
{
    internal const string FinishedRecord = """
        { "id": "task-1", "type": "videos", "trace_id": "trace-1", "user_id": "user-9", "api_id": "api-3",
          "application_id": "app-7", "credential_id": { "nested": [1, 2] },
          "request": { "action": "generate", "model": "happyhorse-1.1-t2v", "prompt": "a horse", "ratio": "16:9",
                       "duration": 5, "resolution": "1080P", "image_urls": ["https://cdn.example.com/a.png"],
                       "async": true, "internal_flag": { "x": 1 } },
          "response": { "success": true, "task_id": "task-1", "trace_id": "trace-2",
                        "data": [ { "id": "u-1", "video_url": "https://cdn.example.com/v.mp4", "state": "succeeded",
                                    "duration": 5, "resolution": "1080P", "ratio": "16:9" } ] },
          "created_at": 1715000000.123, "started_at": 1715000001.5, "finished_at": 1715000090.25, "elapsed": 88.75 }
        """;

    [Fact]
    public void AFinishedRecordIsReadWithTimestampsAsUtcTimes()
    {
        var record = TaskRecord.FromJson(FinishedRecord);

        Assert.Equal("task-1", record.Id);
        Assert.Equal("videos", record.Type);
        Assert.Equal("trace-1", record.TraceId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_715_000_000_123), record.CreatedAt);
        Assert.Equal(TimeSpan.Zero, record.CreatedAt!.Value.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_715_000_001_500), record.StartedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_715_000_090_250), record.FinishedAt);
        Assert.Equal(88.75, record.Elapsed);
        Assert.True(record.IsFinished);
    }

    [Fact]
    public void TheRequestThatCreatedTheTaskIsRead()
    {
        var request = TaskRecord.FromJson(FinishedRecord).Request;

        Assert.NotNull(request);
        Assert.Equal("generate", request.Action);
        Assert.Equal("happyhorse-1.1-t2v", request.Model);
        Assert.Equal("a horse", request.Prompt);
        Assert.Equal(Ratio.Landscape16x9, request.Ratio);
        Assert.Equal(5, request.Duration);
        Assert.Equal(Resolution.P1080, request.Resolution);
        Assert.Equal(["https://cdn.example.com/a.png"], request.ImageUrls);
        Assert.True(request.Async);
        Assert.Null(request.Seed);
    }

    [Fact]
    public void TheVideosResponseInsideTheRecordIsRead()
    {
        var response = TaskRecord.FromJson(FinishedRecord).Response;

        Assert.NotNull(response);
        Assert.Equal("trace-2", response.TraceId);
        var video = Assert.Single(response.Data);
        Assert.Equal("https://cdn.example.com/v.mp4", video.VideoUrl);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.Equal(Ratio.Landscape16x9, video.Ratio);
    }

    [Theory]
    [InlineData("""{ "id": "task-1", "created_at": 1715000000.5, "started_at": 1715000001, "finished_at": null }""")]
    [InlineData("""{ "id": "task-1", "created_at": 1715000000.5, "started_at": null, "user_id": "u" }""")]
    [InlineData("""{ "id": "task-1", "response": { "task_id": "task-1", "data": [ { "state": "pending" } ] } }""")]
    public void ARecordWithoutFinishedAtIsNotFinished(string json)
    {
        var record = TaskRecord.FromJson(json);

        Assert.Equal("task-1", record.Id);
        Assert.Null(record.FinishedAt);
        Assert.Null(record.Elapsed);
        Assert.False(record.IsFinished);
    }

    [Fact]
    public void ABatchIsReadWithItsItemsAndCount()
    {
        var batch = TaskBatch.FromJson($$"""
            { "items": [ {{FinishedRecord}}, { "id": "task-2", "created_at": 1715000000, "finished_at": null } ], "count": 2, "page": 1 }
            """);

        Assert.Equal(2, batch.Count);
        Assert.Equal(["task-1", "task-2"], batch.Items.Select(r => r.Id));
        Assert.Equal([true, false], batch.Items.Select(r => r.IsFinished));
    }

    [Fact]
    public void AnEmptyBatchIsRead() =>
        Assert.Empty(TaskBatch.FromJson("""{ "items": [], "count": 0 }""").Items);

    [Theory]
    [InlineData("""{ "id": "task-1", "finished_at": "2024-05-06T00:00:00Z" }""", "TaskRecord.finished_at")]
    [InlineData("""{ "id": "task-1", "elapsed": "88" }""", "TaskRecord.elapsed")]
    [InlineData("""{ "id": 1 }""", "TaskRecord.id")]
    [InlineData("""{ "id": "task-1", "request": { "action": "generate", "duration": "5" } }""", "TaskRequest.duration")]
    [InlineData("""{ "id": "task-1", "response": { "data": [ { "duration": "5" } ] } }""", "VideoResult.duration")]
    public void AWrongTypeInARecordFailsNamingTheField(string json, string field)
    {
        var error = Assert.Throws<JsonException>(() => TaskRecord.FromJson(json));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "items": [], "count": "2" }""", "TaskBatch.count")]
    [InlineData("""{ "items": {}, "count": 2 }""", "TaskBatch.items")]
    public void AWrongTypeInABatchFailsNamingTheField(string json, string field)
    {
        var error = Assert.Throws<JsonException>(() => TaskBatch.FromJson(json));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
