using System.Text.Json.Nodes;
using ContractFirst.Schema;
using HappyHorse.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HappyHorse.Emulator.Tests;

/// <summary>The emulator answers as API.md and the provider's guide document, checked on raw JSON.</summary>
public class FidelityTests
{
    private const string Videos = "/happyhorse/videos";
    private const string Tasks = "/happyhorse/tasks";

    private static readonly ContractSchemaSet Schemas = ContractSchemaExporter.Export(Repo.PathOf("spec", "happyhorse.yaml"));

    /// <summary>The request bodies of the provider's integration guide, verbatim.</summary>
    public static TheoryData<string, string, int?> DocumentedExamples => new()
    {
        {
            "generate",
            """
            {
            "action": "generate",
            "model": "happyhorse-1.1-t2v",
            "prompt": "A cinematic white horse lifts its head, the mane moves gently in the sunrise wind, slow camera push in, warm film lighting",
            "resolution": "720P",
            "ratio": "16:9",
            "duration": 5
            }
            """,
            5
        },
        {
            "image_to_video",
            """
            {
            "action": "image_to_video",
            "model": "happyhorse-1.1-i2v",
            "image_url": "https://cdn.acedata.cloud/b1c82e4937.png",
            "prompt": "A cinematic white horse lifts its head, the mane moves gently in the sunrise wind, slow camera push in, warm film lighting",
            "resolution": "1080P",
            "duration": 5
            }
            """,
            5
        },
        {
            "reference_to_video",
            """
            {
            "action": "reference_to_video",
            "model": "happyhorse-1.1-r2v",
            "prompt": "character1 walks forward through a sunrise meadow with the warm leather and gold trim style from character2",
            "image_urls": [
            "https://cdn.acedata.cloud/b1c82e4937.png",
            "https://cdn.acedata.cloud/eb75d88a3f.png"
            ],
            "resolution": "720P",
            "ratio": "16:9",
            "duration": 5
            }
            """,
            5
        },
        {
            "video_edit",
            """
            {
            "action": "video_edit",
            "model": "happyhorse-1.0-video-edit",
            "prompt": "Apply the warm leather and gold trim style from the reference image while preserving the original camera motion",
            "video_url": "https://platform2.cdn.acedata.cloud/happyhorse/27837f92-d1c1-4db4-ad9a-4e6e81d9f6c1.mp4",
            "image_urls": [
            "https://cdn.acedata.cloud/eb75d88a3f.png"
            ],
            "resolution": "720P",
            "audio_setting": "auto"
            }
            """,
            10
        },
    };

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public async Task TheDocumentedExamplesAreAcceptedAndAnsweredInTheDocumentedShape(string action, string body, int? billedSeconds)
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromMilliseconds(20) });

        var answer = await Clients.PostAsync(emulator, Videos, body);

        Assert.True(answer.Status == 200, $"{action}: {answer.Text}");
        Assert.Empty(Schemas.GetModelSchema("VideosResponse").Validate(answer.Text));
        var json = answer.Body!.AsObject();
        Assert.Equal(["success", "task_id", "trace_id", "data"], json.Select(p => p.Key));
        Assert.True(json["success"]!.GetValue<bool>());
        var video = Assert.Single(json["data"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "video_url", "state", "duration", "resolution", "ratio"], video.Select(p => p.Key));
        Assert.Equal("succeeded", video["state"]!.GetValue<string>());
        Assert.Equal(billedSeconds, video["duration"]!.GetValue<int>());
        Assert.NotEqual(json["task_id"]!.GetValue<string>(), video["id"]!.GetValue<string>());
        var expectedRatio = JsonNode.Parse(body)!["ratio"]?.GetValue<string>();
        Assert.Equal(expectedRatio, video["ratio"]?.GetValue<string>());
        Assert.Equal(JsonNode.Parse(body)!["resolution"]!.GetValue<string>(), video["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDocumentedCallbackExampleAnswersWithOnlyTheTaskId()
    {
        // A task that outlives the test: the remote callback (allowed here) is never attempted.
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromHours(1), AllowRemoteCallbacks = true });
        const string Body = """
            {
            "action": "generate",
            "prompt": "A horse running through a snowy forest",
            "duration": 5,
            "callback_url": "https://your-domain.com/callback/happyhorse"
            }
            """;

        var answer = await Clients.PostAsync(emulator, Videos, Body);

        Assert.Equal(200, answer.Status);
        var taskId = Assert.Single(answer.Body!.AsObject()).Value!.GetValue<string>();
        Assert.Equal(taskId, answer.Body!["task_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARemoteCallbackUrlIsRefusedUnlessAllowed()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Videos, """{ "prompt": "x", "callback_url": "https://your-domain.com/callback" }""");

        Assert.Equal(400, answer.Status);
        Assert.Equal("bad_request", answer.ErrorCode);
        Assert.Contains("callback_url", answer.ErrorMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> DocumentedBadRequests => new()
    {
        { """{ "action": "generate", "model": "happyhorse-1.1-i2v", "prompt": "x" }""", ["model", "happyhorse-1.1-i2v", "image_to_video"] },
        { """{ "action": "video_edit", "model": "happyhorse-1.1-t2v", "prompt": "x", "video_url": "https://a.example/v.mp4" }""", ["model", "happyhorse-1.1-t2v"] },
        { """{ "action": "generate" }""", ["prompt", "required"] },
        { """{ "model": "happyhorse-1.0-t2v", "duration": 5 }""", ["prompt", "required"] },
        { """{ "action": "image_to_video", "prompt": "x" }""", ["image_url", "required"] },
        { """{ "action": "reference_to_video", "image_urls": ["https://a.example/1.png"] }""", ["prompt", "required"] },
        { """{ "action": "video_edit", "prompt": "x" }""", ["video_url", "required"] },
        { """{ "prompt": "x", "duration": 2 }""", ["duration", "between 3 and 15", "2"] },
        { """{ "prompt": "x", "duration": 16 }""", ["duration", "between 3 and 15", "16"] },
        { """{ "action": "image_to_video", "image_url": "https://a.example/1.png", "duration": 99 }""", ["duration", "99"] },
    };

    [Theory]
    [MemberData(nameof(DocumentedBadRequests))]
    public async Task TheDocumentedBadRequestsAreRejectedNamingTheFieldRuleAndValue(string body, string[] mentions)
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Videos, body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("bad_request", answer.ErrorCode);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, answer.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{ \"prompt\": ")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    [InlineData("{ \"action\": \"make_a_movie\", \"prompt\": \"x\" }")]
    [InlineData("{ \"prompt\": \"x\", \"image_url\": \"https://a.example/1.png\" }")]
    public async Task MalformedBodiesAndUnknownActionsOrFieldsAreBadRequests(string body)
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Videos, body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("bad_request", answer.ErrorCode);
    }

    [Fact]
    public async Task ErrorsHaveTheDocumentedBodyAndTheTokenIsNeverRecorded()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { Token = "secret-token" });

        var answer = await Clients.PostAsync(emulator, Videos, """{ "prompt": "x" }""", token: "not-the-token");

        Assert.Equal(401, answer.Status);
        Assert.Equal(["error", "trace_id"], answer.Body!.AsObject().Select(p => p.Key));
        Assert.Equal(["code", "message"], answer.Body!["error"]!.AsObject().Select(p => p.Key));
        Assert.Equal("invalid_token", answer.ErrorCode);

        // A refused request is only counted; an accepted one is recorded without its token.
        Assert.Empty(emulator.Requests);
        Assert.Equal((1, 1), (emulator.Usage.RequestsReceived, emulator.Usage.RequestsRefused));
        await Clients.PostAsync(emulator, Videos, """{ "prompt": "x" }""", token: "secret-token");
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal((Videos, """{ "prompt": "x" }"""), (recorded.Path, recorded.Body));
        Assert.DoesNotContain("Authorization", recorded.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("application/json; charset=utf-8", recorded.Headers["Content-Type"]);
    }

    [Fact]
    public async Task AMissingBearerTokenIsNoToken()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Videos, """{ "prompt": "x" }""", token: null);

        // The contract lists no_token among the 401 codes: the one for exactly this.
        Assert.Equal((401, "no_token"), (answer.Status, answer.ErrorCode));
    }

    [Fact]
    public async Task ATaskIsPendingUntilItsDurationHasPassedThenSucceeded()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromSeconds(30), TimeProvider = clock });
        var submitted = await Clients.PostAsync(emulator, Videos, """{ "prompt": "A horse", "ratio": "9:16", "async": true }""");
        var lookup = $$"""{ "action": "retrieve", "id": "{{submitted.Body!["task_id"]}}" }""";

        var pending = await Clients.PostAsync(emulator, Tasks, lookup);
        clock.Advance(TimeSpan.FromSeconds(30));
        var finished = await Clients.EventuallyAsync(
            () => Clients.PostAsync(emulator, Tasks, lookup),
            a => a.Body?["finished_at"] is not null);

        Assert.Equal(200, pending.Status);
        Assert.Empty(Schemas.GetModelSchema("TaskRecord").Validate(pending.Text));
        Assert.Empty(Schemas.GetModelSchema("TaskRecord").Validate(finished.Text));
        var record = pending.Body!.AsObject();
        Assert.Equal(
            ["id", "type", "trace_id", "request", "response", "created_at", "started_at", "user_id", "api_id", "application_id"],
            record.Select(p => p.Key));
        Assert.Equal("videos", record["type"]!.GetValue<string>());
        Assert.Equal(1767323045.0, record["created_at"]!.GetValue<double>());
        Assert.Equal("pending", record["response"]!["data"]![0]!["state"]!.GetValue<string>());
        Assert.Null(record["response"]!["data"]![0]!["video_url"]);

        Assert.Equal(1767323075.0, finished.Body!["finished_at"]!.GetValue<double>());
        Assert.Equal(30.0, finished.Body!["elapsed"]!.GetValue<double>());
        Assert.Equal("succeeded", finished.Body!["response"]!["data"]![0]!["state"]!.GetValue<string>());
        Assert.Equal("9:16", finished.Body!["response"]!["data"]![0]!["ratio"]!.GetValue<string>());
        Assert.Equal(submitted.Body!["task_id"]!.GetValue<string>(), finished.Body!["response"]!["task_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheRecordedRequestIsTheBodyWithTheDefaultedActionAndModel()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromHours(1) });
        var submitted = await Clients.PostAsync(emulator, Videos, """{ "prompt": "A horse", "seed": 7, "async": true }""");

        var record = await Clients.PostAsync(emulator, Tasks, $$"""{ "action": "retrieve", "id": "{{submitted.Body!["task_id"]}}" }""");

        Assert.Equal(
            """{"prompt":"A horse","seed":7,"async":true,"action":"generate","model":"happyhorse-1.1-t2v"}""",
            record.Body!["request"]!.ToJsonString());
    }

    [Fact]
    public async Task ABatchLookupListsTheKnownTasksAndCountsThem()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromHours(1) });
        var submitted = await Clients.PostAsync(emulator, Videos, """{ "prompt": "A horse", "async": true }""");
        var id = submitted.Body!["task_id"]!.GetValue<string>();

        var batch = await Clients.PostAsync(emulator, Tasks, $$"""{ "action": "retrieve_batch", "ids": ["{{id}}", "no-such-task"] }""");

        Assert.Equal(200, batch.Status);
        Assert.Empty(Schemas.GetModelSchema("TaskBatch").Validate(batch.Text));
        Assert.Equal(["items", "count"], batch.Body!.AsObject().Select(p => p.Key));
        Assert.Equal(1, batch.Body!["count"]!.GetValue<int>());
        Assert.Equal(id, batch.Body!["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownTaskIdIsNotFound()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Tasks, """{ "action": "retrieve", "id": "no-such-task" }""");

        Assert.Equal((404, "not_found"), (answer.Status, answer.ErrorCode));
    }

    [Theory]
    [InlineData(Videos, """{ "prompt": "\ud800" }""", "prompt must be well-formed UTF-16: unpaired surrogate U+D800 at index 0")]
    [InlineData(Videos, """{ "prompt": "horse \udc00" }""", "prompt must be well-formed UTF-16: unpaired surrogate U+DC00 at index 6")]
    [InlineData(Videos, """{ "prompt": "x", "callback_url": "https://a.example/\ud800" }""", "callback_url must be well-formed UTF-16: unpaired surrogate U+D800 at index 18")]
    [InlineData(Videos, """{ "action": "image_to_video", "image_url": "\ud83d" }""", "image_url must be well-formed UTF-16: unpaired surrogate U+D83D at index 0")]
    [InlineData(Videos, """{ "action": "reference_to_video", "prompt": "x", "image_urls": ["https://a.example/1.png", "\udfff"] }""", "image_urls[1] must be well-formed UTF-16: unpaired surrogate U+DFFF at index 0")]
    [InlineData(Tasks, """{ "action": "retrieve", "id": "\ud800\ud800\udc00" }""", "id must be well-formed UTF-16: unpaired surrogate U+D800 at index 0")]
    [InlineData(Tasks, """{ "action": "retrieve_batch", "ids": ["a\\\ud800"] }""", "ids[0] must be well-formed UTF-16: unpaired surrogate U+D800 at index 2")]
    [InlineData(Videos, """{ "action": "\ud800", "prompt": "x" }""", "action must be one of")]
    [InlineData(Videos, """{ "model": "\ud800", "prompt": "x" }""", "model must be one of")]
    [InlineData(Videos, """{ "prompt": "x", "\ud800": 1 }""", "property name of the body is not well-formed UTF-16")]
    [InlineData(Videos, """{ "\ud800": "x" }""", "property name of the body is not well-formed UTF-16")]
    [InlineData(Videos, """{ "action": "reference_to_video", "prompt": "x", "image_urls": [{ "\udc00": 1 }, { "a": 1, "b\udc00": 2 }] }""", "property name of the body is not well-formed UTF-16")]
    public async Task AnUnpairedSurrogateInAnyStringIsABadRequestNamingTheField(string path, string body, string mention)
    {
        // Newtonsoft reads "\ud800" as U+FFFD and System.Text.Json refuses to read it at all: neither may hide it or turn it into a 500.
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, path, body);

        Assert.Equal((400, "bad_request"), (answer.Status, answer.ErrorCode));
        Assert.Contains(mention, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscapedSurrogatePairsAreAccepted()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Videos, """{ "prompt": "A horse \ud83d\udc0e", "async": true }""");

        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData("""{ "id": "x" }""", "action")]
    [InlineData("""{ "action": "retrieve" }""", "id")]
    [InlineData("""{ "action": "retrieve_batch", "ids": [] }""", "ids")]
    [InlineData("""{ "action": "retrieve", "id": "x", "ids": ["y"] }""", "ids")]
    public async Task BadTaskLookupsAreBadRequests(string body, string field)
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Tasks, body);

        Assert.Equal((400, "bad_request"), (answer.Status, answer.ErrorCode));
        Assert.Contains(field, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVideoIsOnlyServedForASucceededTask()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromHours(1) });
        var submitted = await Clients.PostAsync(emulator, Videos, """{ "prompt": "A horse", "async": true }""");

        using var pending = await Clients.GetAsync(new Uri(emulator.BaseAddress, $"/files/{submitted.Body!["task_id"]}.mp4"));
        using var unknown = await Clients.GetAsync(new Uri(emulator.BaseAddress, "/files/nothing.mp4"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, pending.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task OptionsAreCheckedAtStart()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HappyHorseEmulator.StartAsync(new() { TaskFailureRate = 1.5 }));
        await Assert.ThrowsAsync<ArgumentException>(() => HappyHorseEmulator.StartAsync(new() { Host = "example.com" }));
    }
}
