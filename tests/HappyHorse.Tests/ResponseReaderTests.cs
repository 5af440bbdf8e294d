using System.Text;
using System.Text.Json;

namespace HappyHorse.Tests;

/// <summary>Reading the videos endpoint's answers: documented shapes, unknown fields, unknown enum values, off-type and damaged values.</summary>
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

    [Fact]
    public void OffTypeValuesAreConvertedWhenNothingIsLost()
    {
        var response = VideosResponse.FromJson("""
            { "success": "TRUE", "task_id": 12345, "trace_id": "tr-1",
              "data": [ { "id": 987, "duration": "5", "state": 1, "resolution": 720 }, { "duration": 5.0 } ] }
            """);

        Assert.True(response.Success);
        Assert.Equal("12345", response.TaskId);
        Assert.Equal("987", response.Data[0].Id);
        Assert.Equal(5d, response.Data[0].Duration);
        Assert.Equal("1", response.Data[0].State?.Value);
        Assert.Equal("720", response.Data[0].Resolution?.Value);
        Assert.Equal(5d, response.Data[1].Duration);
        Assert.Empty(response.ReadIssues);
    }

    [Theory]
    [InlineData("""{ "task_id": "t-1", "success": "yes" }""", "VideosResponse.success", "\"yes\"")]
    [InlineData("""{ "task_id": "t-1", "data": { "id": "u-1" } }""", "VideosResponse.data", """{"id":"u-1"}""")]
    [InlineData("""{ "task_id": "t-1", "data": [ { "duration": "five" } ] }""", "VideoResult.duration", "\"five\"")]
    [InlineData("""{ "task_id": "t-1", "data": [ { "state": true } ] }""", "VideoResult.state", "true")]
    [InlineData("""{ "task_id": "t-1", "data": [ { "video_url": ["https://x"] } ] }""", "VideoResult.video_url", """["https://x"]""")]
    [InlineData("""{ "task_id": "t-1", "data": [ 1 ] }""", "VideosResponse.data", "1")]
    public void AValueThatDoesNotFitIsAnIssueNamingTheFieldAndTheRestIsRead(string json, string field, string raw)
    {
        var response = VideosResponse.FromJson(json);

        Assert.Equal("t-1", response.TaskId);
        var issue = Assert.Single(response.ReadIssues);
        Assert.Equal(field, issue.Path);
        Assert.Equal(raw, issue.RawJson);
    }

    [Theory]
    [InlineData("""{ "task_id": "t-1", "success": "yes" }""", "VideosResponse.success: expected a boolean")]
    [InlineData("""{ "task_id": "t-1", "data": { "id": "u-1" } }""", "VideosResponse.data: expected an array but found an object (value: {\"id\":\"u-1\"})")]
    [InlineData("""{ "data": [ { "duration": "five" } ] }""", "VideoResult.duration: expected a number but found a string that is not one (value: \"five\")")]
    [InlineData("""{ "data": [ { "state": true } ] }""", "VideoResult.state")]
    [InlineData("""{ "data": null }""", "VideosResponse.data: null is not allowed here")]
    [InlineData("""{ "data": [ null ] }""", "VideosResponse.data: null is not allowed here")]
    [InlineData("""{ "data": [ { "id": null } ] }""", "VideoResult.id: null is not allowed here")]
    public void StrictReadingThrowsAJsonExceptionNamingTheField(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => VideosResponse.FromJson(json, new JsonReadContext(strict: true)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictReadingAcceptsTheDocumentedBodyAndLosslessConversions()
    {
        var context = new JsonReadContext(strict: true);

        Assert.Equal("upstream-123", VideosResponse.FromJson(DocumentedSuccess, context).Data[0].Id);
        Assert.Equal(5d, VideosResponse.FromJson("""{ "data": [ { "duration": "5" } ] }""", context).Data[0].Duration);
        Assert.Empty(context.Issues);
    }

    [Fact]
    public void NullDataReadsAsEmptyWithoutAnIssue()
    {
        var response = VideosResponse.FromJson("""{ "success": null, "task_id": "t-1", "trace_id": null, "data": null }""");

        Assert.Equal("t-1", response.TaskId);
        Assert.Null(response.Success);
        Assert.Empty(response.Data);
        Assert.Empty(response.ReadIssues);
    }

    [Fact]
    public void NullItemsAndNullRequiredFieldsReadAsAbsentWithoutAnIssue()
    {
        var response = VideosResponse.FromJson("""{ "data": [ null, { "id": null, "state": null }, null ] }""");

        var video = Assert.Single(response.Data);
        Assert.Null(video.Id);
        Assert.Null(video.State);
        Assert.Empty(response.ReadIssues);
    }

    [Fact]
    public void AnIntegralFloatDurationIsKept() =>
        Assert.Equal(5d, VideosResponse.FromJson("""{ "data": [ { "duration": 5.0 } ] }""").Data[0].Duration);

    [Fact]
    public void ABodyDamagedInEveryFieldStillYieldsItsIdsAndOneIssuePerField()
    {
        var response = VideosResponse.FromJson("""
            { "success": "maybe", "task_id": "5d4c3b2a-task", "trace_id": "9f8e7d6c-trace",
              "data": [ { "id": "upstream-123", "video_url": { "href": "x" }, "state": ["succeeded"], "duration": "5 s",
                          "resolution": true, "ratio": { } },
                        "not a video" ] }
            """);

        Assert.Equal("5d4c3b2a-task", response.TaskId);
        Assert.Equal("9f8e7d6c-trace", response.TraceId);
        var video = Assert.Single(response.Data);
        Assert.Equal("upstream-123", video.Id);
        Assert.Equal(
            ["VideosResponse.success", "VideoResult.video_url", "VideoResult.state", "VideoResult.duration", "VideoResult.resolution", "VideoResult.ratio", "VideosResponse.data"],
            response.ReadIssues.Select(i => i.Path));
        Assert.Equal(5, video.ReadIssues.Count);
        Assert.Equal(["{\"href\":\"x\"}", "[\"succeeded\"]", "\"5 s\"", "true", "{}"], video.ReadIssues.Select(i => i.RawJson));
    }

    [Theory]
    [InlineData("{ }")]
    [InlineData("[ ]")]
    [InlineData("[ 1, { \"a\": [ null ] } ]")]
    [InlineData("\"text\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("true")]
    [InlineData("-1.5e300")]
    [InlineData("null")]
    public void AnySingleDamagedFieldLeavesTheIdsReadable(string damage)
    {
        foreach (var field in new[] { "\"success\": true", "\"video_url\": \"https://cdn.acedata.cloud/abc.mp4\"", "\"state\": \"succeeded\"",
                                      "\"duration\": 5", "\"resolution\": \"720P\"", "\"ratio\": null" })
        {
            var name = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
            Assert.Contains(field, DocumentedSuccess, StringComparison.Ordinal);
            var json = DocumentedSuccess.Replace(field, name + " " + damage, StringComparison.Ordinal);

            var response = VideosResponse.FromJson(json);

            Assert.Equal("5d4c3b2a-task", response.TaskId);
            Assert.Equal("9f8e7d6c-trace", response.TraceId);
            Assert.Equal("upstream-123", Assert.Single(response.Data).Id);
        }
    }

    [Fact]
    public void InvalidUtf8InAnIdIsReplacedAndReported()
    {
        // "5d4c3b2a-" followed by 0xC3 0x28: a lead byte without its continuation.
        var json = Encoding.UTF8.GetBytes(DocumentedSuccess.Replace("5d4c3b2a-task", "5d4c3b2a-@@", StringComparison.Ordinal));
        var at = json.AsSpan().IndexOf("@@"u8);
        json[at] = 0xC3;
        json[at + 1] = 0x28;

        var response = VideosResponse.FromJson(json);

        Assert.Equal("5d4c3b2a-\uFFFD(", response.TaskId);
        Assert.Equal("9f8e7d6c-trace", response.TraceId);
        var issue = Assert.Single(response.ReadIssues);
        Assert.Equal("VideosResponse.task_id", issue.Path);
        Assert.Contains("invalid UTF-8", issue.Problem, StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => VideosResponse.FromJson(json, new JsonReadContext(strict: true)));
        Assert.Contains("VideosResponse.task_id: invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8OrALoneSurrogateInANameIsAnUnknownField()
    {
        byte[] json = [.. "{ \""u8, 0xFF, .. "\": 1, \"\\ud800\": 2, \"task_id\": \"t-1\" }"u8];

        Assert.Equal("t-1", VideosResponse.FromJson(json).TaskId);
        Assert.Equal("t-1", VideosResponse.FromJson(json, new JsonReadContext(strict: true)).TaskId);
    }

    [Fact]
    public void TheSecretIsScrubbedFromStringsAndIssues()
    {
        const string secret = "sk-0123456789abcdef";
        var json = $$"""{ "task_id": "t-1", "trace_id": "echo {{secret}}", "success": "Bearer {{secret}}" }""";

        var response = VideosResponse.FromJson(json, new JsonReadContext(secret: secret));

        Assert.Equal("echo [REDACTED]", response.TraceId);
        Assert.Equal("\"Bearer [REDACTED]\"", Assert.Single(response.ReadIssues).RawJson);
    }

    [Fact]
    public void ACleanReadAfterADamagedOneHasNoIssues()
    {
        Assert.NotEmpty(VideosResponse.FromJson("""{ "success": "no way" }""").ReadIssues);
        Assert.Throws<JsonException>(() => VideosResponse.FromJson("""{ "success": "no way", "data": [ """));

        Assert.Empty(VideosResponse.FromJson(DocumentedSuccess).ReadIssues);
    }

    [Fact]
    public void ReadingTheDocumentedBodyAllocatesNoMoreThanTheModel()
    {
        var json = Encoding.UTF8.GetBytes(DocumentedSuccess);
        VideosResponse.FromJson(json); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var response = VideosResponse.FromJson(json);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Two models, a list, four strings: well under a kilobyte, and no issue list or context.
        Assert.Same(Array.Empty<JsonReadIssue>(), response.ReadIssues);
        Assert.True(allocated < 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void RandomByteMutationsFailOnlyWithAJsonException()
    {
        MutationFuzz.Run(Encoding.UTF8.GetBytes(DocumentedSuccess), seed: 20261126, mutations: 3000,
            (bytes, context) => VideosResponse.FromJson(bytes, context));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"5d4c3b2a-task\"")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{ \"task_id\": \"t-1\", ")]
    public void ABodyThatIsNotAJsonObjectFailsWithAJsonException(string json)
    {
        Assert.Throws<JsonException>(() => VideosResponse.FromJson(json));
        Assert.Throws<JsonException>(() => VideosResponse.FromJson(json, new JsonReadContext(strict: true)));
    }

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
