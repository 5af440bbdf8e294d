using System.Text;
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
    public void FieldNamesAreMatchedWholeAndUnescaped()
    {
        // Escaped names mean the same field; names of a field's length, or a field's prefix, are other fields; a name
        // that cannot be unescaped (a lone surrogate) names none, and its value is skipped.
        var record = TaskRecord.FromJson("""
            { "ix": "not-the-id", "\u0069d": "task-7", "trace": "not-the-trace", "trace\u005fid": "trace-7",
              "typ": "x", "types": "y", "\ud800": "lost", "type": "videos",
              "elapsed": 1.5, "elapsed_": 9, "response": { "task\u005Fid": "task-7", "data": [] } }
            """);

        Assert.Equal("task-7", record.Id);
        Assert.Equal("trace-7", record.TraceId);
        Assert.Equal("videos", record.Type);
        Assert.Equal(1.5, record.Elapsed);
        Assert.Equal("task-7", record.Response!.TaskId);
        Assert.Empty(record.ReadIssues);
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

    [Fact]
    public void OffTypeValuesInARecordAreConvertedWhenNothingIsLost()
    {
        var record = TaskRecord.FromJson("""
            { "id": 1, "created_at": "2024-05-06T07:08:09Z", "started_at": "1715000001.5", "finished_at": "2024-05-06T09:08:09.25+02:00",
              "elapsed": "88", "request": { "action": "generate", "duration": 5.0, "seed": "12345", "watermark": "false", "image_urls": [1552.0] } }
            """);

        Assert.Equal("1", record.Id);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), record.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_715_000_001_500), record.StartedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 250, TimeSpan.Zero), record.FinishedAt);
        Assert.Equal(TimeSpan.Zero, record.FinishedAt!.Value.Offset);
        Assert.Equal(88d, record.Elapsed);
        Assert.Equal(5, record.Request!.Duration);
        Assert.Equal(12345, record.Request.Seed);
        Assert.False(record.Request.Watermark);
        Assert.Equal(["1552.0"], record.Request.ImageUrls);
        Assert.True(record.IsFinished);
        Assert.Empty(record.ReadIssues);
    }

    [Theory]
    [InlineData("""{ "id": "task-1", "finished_at": "tomorrow" }""", "TaskRecord.finished_at")]
    [InlineData("""{ "id": "task-1", "elapsed": "eighty" }""", "TaskRecord.elapsed")]
    [InlineData("""{ "id": "task-1", "request": { "action": "generate", "duration": 5.5 } }""", "TaskRequest.duration")]
    [InlineData("""{ "id": "task-1", "request": { "action": "generate", "seed": 99999999999 } }""", "TaskRequest.seed")]
    [InlineData("""{ "id": "task-1", "response": { "data": [ { "duration": "five" } ] } }""", "VideoResult.duration")]
    [InlineData("""{ "id": "task-1", "request": "generate" }""", "TaskRecord.request")]
    public void AValueInARecordThatDoesNotFitIsAnIssueAndTheIdSurvives(string json, string field)
    {
        var record = TaskRecord.FromJson(json);

        Assert.Equal("task-1", record.Id);
        Assert.Equal(field, Assert.Single(record.ReadIssues).Path);

        var error = Assert.Throws<JsonException>(() => TaskRecord.FromJson(json, new JsonReadContext(strict: true)));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIssuesOfANestedModelAreOnItAndOnEveryModelAroundIt()
    {
        var record = TaskRecord.FromJson("""{ "id": "task-1", "response": { "task_id": "task-1", "data": [ { "id": "u-1", "duration": [] } ] } }""");

        var issue = Assert.Single(record.ReadIssues);
        Assert.Equal(new JsonReadIssue("VideoResult.duration", "expected a number but found an array", "[]"), issue);
        Assert.Equal([issue], record.Response!.ReadIssues);
        Assert.Equal([issue], record.Response.Data[0].ReadIssues);
    }

    [Fact]
    public void ARecordDamagedInEveryFieldStillYieldsItsIdsAndOneIssuePerField()
    {
        var record = TaskRecord.FromJson("""
            { "id": "task-1", "type": { "kind": "videos" }, "trace_id": "trace-1", "request": "generate", "response": 5,
              "created_at": "soon", "started_at": true, "finished_at": [1715000090], "elapsed": "n/a" }
            """);

        Assert.Equal("task-1", record.Id);
        Assert.Equal("trace-1", record.TraceId);
        Assert.Null(record.Response);
        Assert.False(record.IsFinished);
        Assert.Equal(
            ["TaskRecord.type", "TaskRecord.request", "TaskRecord.response", "TaskRecord.created_at", "TaskRecord.started_at", "TaskRecord.finished_at", "TaskRecord.elapsed"],
            record.ReadIssues.Select(i => i.Path));
    }

    [Fact]
    public void ARequestDamagedInEveryFieldStillYieldsTheRecordIds()
    {
        var record = TaskRecord.FromJson("""
            { "id": "task-1", "trace_id": "trace-1",
              "request": { "action": [], "model": {}, "prompt": [], "image_url": {}, "image_urls": [ "https://a", {}, 3, null ], "video_url": [],
                           "resolution": {}, "ratio": [], "duration": 5.5, "watermark": "sometimes", "audio_setting": false,
                           "seed": "abc", "callback_url": {}, "async": 2 } }
            """);

        Assert.Equal("task-1", record.Id);
        Assert.Equal("trace-1", record.TraceId);
        Assert.Equal(["https://a", "3"], record.Request!.ImageUrls);
        Assert.Equal(14, record.ReadIssues.Count);
        Assert.Equal(14, record.Request.ReadIssues.Count);
        Assert.Equal(14, record.Request.ReadIssues.Select(i => i.Path).Distinct().Count()); // one per field: "3" is kept as text, null skipped
    }

    [Fact]
    public void ABatchWithADamagedItemKeepsTheOthers()
    {
        var batch = TaskBatch.FromJson($$"""
            { "items": [ {{FinishedRecord}}, 7, "task-x", { "id": "task-2", "created_at": "yesterday" } ], "count": 2.0 }
            """);

        Assert.Equal(["task-1", "task-2"], batch.Items.Select(r => r.Id));
        Assert.Equal(2, batch.Count);
        Assert.Equal(["TaskBatch.items", "TaskBatch.items", "TaskRecord.created_at"], batch.ReadIssues.Select(i => i.Path));
        Assert.Empty(batch.Items[0].ReadIssues);
        Assert.Single(batch.Items[1].ReadIssues);
    }

    [Theory]
    [InlineData("""{ "items": [], "count": "two" }""", "TaskBatch.count")]
    [InlineData("""{ "items": {}, "count": 2 }""", "TaskBatch.items")]
    [InlineData("""{ "items": [ 1 ], "count": 2 }""", "TaskBatch.items")]
    public void AWrongTypeInABatchIsAnIssueOrStrictlyAnError(string json, string field)
    {
        Assert.Equal(field, Assert.Single(TaskBatch.FromJson(json).ReadIssues).Path);

        var error = Assert.Throws<JsonException>(() => TaskBatch.FromJson(json, new JsonReadContext(strict: true)));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullIdReadsAsAbsentUnlessStrict()
    {
        Assert.Null(TaskRecord.FromJson("""{ "id": null }""").Id);

        var error = Assert.Throws<JsonException>(() => TaskRecord.FromJson("""{ "id": null }""", new JsonReadContext(strict: true)));
        Assert.Contains("TaskRecord.id: null is not allowed here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomByteMutationsFailOnlyWithAJsonException()
    {
        MutationFuzz.Run(Encoding.UTF8.GetBytes(FinishedRecord), seed: 6, mutations: 3000,
            (bytes, context) => TaskRecord.FromJson(bytes, context));
        MutationFuzz.Run(Encoding.UTF8.GetBytes($$"""{ "items": [ {{FinishedRecord}} ], "count": 1 }"""), seed: 7, mutations: 1000,
            (bytes, context) => TaskBatch.FromJson(bytes, context));
    }
}
