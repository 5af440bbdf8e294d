using System.Text.Json;

namespace HappyHorse.Tests;

/// <summary>Reading the videos endpoint's answers: documented shapes, unknown fields, unknown enum values, wrong types.</summary>
public class ResponseReaderTests
{
    /// <summary>The success body as API.md documents it.</summary>
    internal const string DocumentedSuccess = """
        { "success": true, "task_id": "5d4c3b2a-task", "trace_id": "9f8e7d6c-trace",
          "data": [ { "id": "upstream-123", "video_url": "https://cdn.acedata.cloud/abc.mp4", "state": "succeeded",
                      "duration": 5, "resolution": "720P", "ratio": null } ] }
        """;

    [Fact]
    public void TheDocumentedSuccessBodyIsRead()
    {
        var response = VideosResponse.FromJson(DocumentedSuccess);

        Assert.True(response.Success);
        Assert.Equal("5d4c3b2a-task", response.TaskId);
        Assert.Equal("9f8e7d6c-trace", response.TraceId);
        var video = Assert.Single(response.Data);
        Assert.Equal("upstream-123", video.Id);
        Assert.Equal("https://cdn.acedata.cloud/abc.mp4", video.VideoUrl);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.Equal(5d, video.Duration);
        Assert.Equal(Resolution.P720, video.Resolution);
        Assert.Null(video.Ratio);
    }

    [Fact]
    public void TheSameBodyReadsFromUtf8Bytes() =>
        Assert.Equal("upstream-123", VideosResponse.FromJson(System.Text.Encoding.UTF8.GetBytes(DocumentedSuccess)).Data[0].Id);

    [Fact]
    public void TheAsyncAnswerCarriesOnlyTheTaskId()
    {
        var response = VideosResponse.FromJson("""{ "task_id": "5d4c3b2a-task" }""");

        Assert.Equal("5d4c3b2a-task", response.TaskId);
        Assert.Null(response.Success);
        Assert.Null(response.TraceId);
        Assert.Empty(response.Data);
    }

    [Fact]
    public void UnknownFieldsAreIgnoredAtEveryLevel()
    {
        var response = VideosResponse.FromJson("""
            { "new_flag": true, "meta": { "nested": { "deep": [1, 2, { "x": null }] } }, "task_id": "t-1",
              "list": [[], {}, "s", 1.5, null],
              "data": [ { "thumbnail": { "url": "https://x/y.jpg", "sizes": [1, 2] }, "id": "u-1",
                          "tags": ["a", { "b": [] }], "state": "pending", "extra": null } ],
              "trace_id": "tr-1" }
            """);

        Assert.Equal("t-1", response.TaskId);
        Assert.Equal("tr-1", response.TraceId);
        var video = Assert.Single(response.Data);
        Assert.Equal("u-1", video.Id);
        Assert.Equal(VideoState.Pending, video.State);
    }

    [Fact]
    public void AnUnknownStateIsKeptAndMarkedUnknown()
    {
        var video = VideosResponse.FromJson("""{ "data": [ { "id": "u-1", "state": "queued" } ] }""").Data[0];

        Assert.NotNull(video.State);
        Assert.Equal("queued", video.State.Value.Value);
        Assert.False(video.State.Value.IsKnown);
    }

    [Fact]
    public void KnownStatesAreMarkedKnown()
    {
        var data = VideosResponse.FromJson("""{ "data": [ { "state": "pending" }, { "state": "error" } ] }""").Data;

        Assert.Equal([VideoState.Pending, VideoState.Error], data.Select(v => v.State!.Value));
        Assert.All(data, v => Assert.True(v.State!.Value.IsKnown));
    }

    [Fact]
    public void AnUnknownResolutionAndRatioAreKept()
    {
        var video = VideosResponse.FromJson("""{ "data": [ { "resolution": "4K", "ratio": "21:9" } ] }""").Data[0];

        Assert.Equal("4K", video.Resolution?.Value);
        Assert.False(video.Resolution!.Value.IsKnown);
        Assert.Equal("21:9", video.Ratio?.Value);
        Assert.False(video.Ratio!.Value.IsKnown);
    }

    [Fact]
    public void NullVideoUrlAndDurationReadAsNull()
    {
        var video = VideosResponse.FromJson("""{ "data": [ { "id": "u-1", "state": "pending", "video_url": null, "duration": null, "resolution": null } ] }""").Data[0];

        Assert.Null(video.VideoUrl);
        Assert.Null(video.Duration);
        Assert.Null(video.Resolution);
    }

    [Fact]
    public void AFractionalBilledDurationIsKept() =>
        Assert.Equal(8.5, VideosResponse.FromJson("""{ "data": [ { "duration": 8.5 } ] }""").Data[0].Duration);

    [Theory]
    [InlineData("""{ "data": [ { "duration": "5" } ] }""", "VideoResult.duration")]
    [InlineData("""{ "task_id": 12345 }""", "VideosResponse.task_id")]
    [InlineData("""{ "success": "yes" }""", "VideosResponse.success")]
    [InlineData("""{ "data": { "id": "u-1" } }""", "VideosResponse.data")]
    [InlineData("""{ "data": [ { "state": 1 } ] }""", "VideoResult.state")]
    [InlineData("""{ "data": [ { "resolution": 720 } ] }""", "VideoResult.resolution")]
    public void AWrongTypeFailsWithAJsonExceptionNamingTheField(string json, string field)
    {
        var error = Assert.Throws<JsonException>(() => VideosResponse.FromJson(json));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyThatIsNotAnObjectFailsWithAJsonException() =>
        Assert.Throws<JsonException>(() => VideosResponse.FromJson("[1, 2]"));

    [Fact]
    public void AModelWritesBackWhatItRead()
    {
        var json = ContractJson.ToJsonString(VideosResponse.FromJson(DocumentedSuccess));

        // The same document, compact, with the null ratio left out; unknown enum values round-trip too.
        Assert.Equal(
            """{"success":true,"task_id":"5d4c3b2a-task","trace_id":"9f8e7d6c-trace","data":[{"id":"upstream-123","video_url":"https://cdn.acedata.cloud/abc.mp4","state":"succeeded","duration":5,"resolution":"720P"}]}""",
            json);
        Assert.Equal(
            """{"data":[{"state":"queued","ratio":"21:9"}]}""",
            ContractJson.ToJsonString(VideosResponse.FromJson("""{ "data": [ { "state": "queued", "ratio": "21:9", "extra": 1 } ] }""")));
    }
}
