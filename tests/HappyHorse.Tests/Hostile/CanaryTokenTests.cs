using Xunit.Abstractions;
using static HappyHorse.Tests.Hostile.HostileHarness;
using static HappyHorse.Tests.Hostile.Scripts;

namespace HappyHorse.Tests.Hostile;

/// <summary>
/// A server that echoes the caller's Authorization header and the bare token into every part of its
/// answers (error codes, messages, trace ids, raw bodies, ids of a broken 200, Location headers,
/// header lines): the token appears in no exception text, log entry or trace tag.
/// </summary>
public class CanaryTokenTests(ITestOutputHelper output)
{
    public const string Canary = "hh-canary-9f8e7d6c5b4a";

    /// <summary>Behaviours made for the canary on top of the table: the echo is the whole value.</summary>
    private static readonly Lazy<IReadOnlyList<Behaviour>> Extra = new(() =>
    [
        new("canary: 400 whose code, message and trace id are the echo", _ => Answer(400, """{"error":{"code":"~E~","message":"~E~"},"trace_id":"~E~"}""")) { Submit = [Outcome.ErrorStatus] },
        new("canary: 429 whose code, message and trace id are the echo", _ => Answer(429, """{"error":{"code":"~E~","message":"~E~"},"trace_id":"~E~"}""")) { Submit = [Outcome.ErrorStatus], Submits = Behaviours.Attempts },
        new("canary: 500 whose code, message and trace id are the echo", _ => Answer(500, """{"error":{"code":"~E~","message":"~E~"},"trace_id":"~E~"}""")) { Submit = [Outcome.ErrorStatus] },
        new("canary: 502 plain-text echo", _ => Answer(502, "upstream said ~E~", "text/plain")) { Submit = [Outcome.ErrorStatus] },
        new("canary: a broken 200 whose top-level fields are the echo", _ => CutMidBody(200, """{"task_id":"~E~","trace_id":"~E~","~E~":"~E~","data":[{"id":"~E~"}]}""", 80)) { Submit = [Outcome.Unreadable] },
        new("canary: an unreadable 200 whose fields are the echo", _ => Answer(200, """{"task_id":"~E~","trace_id":"~E~","data":[{"duration":"~E~"}],"x":~E~}""")) { Submit = [Outcome.Unreadable] },
        new("canary: a 200 with a wrong-typed echo field", _ => Answer(200, """{"task_id":"t-1","trace_id":"tr-1","data":[{"state":"~E~","duration":"~E~"}]}""")) { Submit = [Outcome.Unreadable, Outcome.Success] },
        new("canary: 307 to a Location carrying the echo", _ => Answer(307, "", "application/json", "Location: https://evil.example/~E~?t=~E~")) { Submit = [Outcome.Redirect] },
        new("canary: 302 to a relative Location carrying the echo", _ => Answer(302, "", "application/json", "Location: /steal/~E~")) { Submit = [Outcome.Redirect] },
        new("canary: a huge error message made of the echo", _ => Answer(500, "{\"error\":{\"code\":\"api_error\",\"message\":\"" + string.Concat(Enumerable.Repeat("~E~ ", 2000)) + "\"}}")) { Submit = [Outcome.ErrorStatus] },
    ]);

    public static TheoryData<string, ApiMethod> Cases()
    {
        var data = new TheoryData<string, ApiMethod>();
        var submits = new[] { ApiMethod.Generate, ApiMethod.ImageToVideo, ApiMethod.ReferenceToVideo, ApiMethod.VideoEdit };
        var all = All();
        for (var i = 0; i < all.Count; i++)
        {
            data.Add(all[i].Name, submits[i % submits.Length]);
            data.Add(all[i].Name, ApiMethod.GetTask);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheTokenAppearsInNoExceptionLogOrTrace(string behaviour, ApiMethod method)
    {
        var b = All().Single(x => x.Name == behaviour);
        await using var server = HostileServer.Start(echoAuthorization: true);
        server.OnConnect = b.OnConnect;
        server.On(VideosPath, b.Scripts).On(TasksPath, b.Scripts);
        var logs = new RecordingLoggerFactory();
        using var activities = new ActivityRecorder();
        using var client = new HappyHorseClient(Canary, Options(server.BaseAddress, b.Hangs ? HangTimeout : b.AttemptTimeout, logs));

        var result = await CallAsync(client, method);

        var outcome = Classify(result);
        output.WriteLine($"{outcome}: {result.Error?.GetType().Name} {result.Error?.Message}");
        Assert.True(server.Requests.All(r => r.Header("Authorization") == "Bearer " + Canary), "the canary was not sent");
        var leaks = new List<string>();
        if (result.Error is not null)
        {
            leaks.AddRange(Texts(result.Error).Where(t => t.Contains(Canary, StringComparison.Ordinal)).Select(t => "exception: " + t));
        }

        leaks.AddRange(logs.Entries.Where(t => t.Contains(Canary, StringComparison.Ordinal)).Select(t => "log: " + t));
        leaks.AddRange(activities.Texts.Where(t => t.Contains(Canary, StringComparison.Ordinal)).Select(t => "activity: " + t));
        Assert.True(leaks.Count == 0, $"{behaviour} / {method} leaked the token:\n" + string.Join("\n", leaks.Take(5)));
    }

    [Fact]
    public async Task TheTokenIsScrubbedFromTheIdsOfASuccessAnswer()
    {
        await using var server = HostileServer.Start(echoAuthorization: true);
        server.On(VideosPath, Answer(200, Behaviours.ValidSuccess)).On(TasksPath, Answer(200, Behaviours.ValidSuccess));
        using var client = new HappyHorseClient(Canary, Options(server.BaseAddress));

        var submitted = await client.GenerateAsync(new GenerateRequest("a horse"));
        var record = await client.GetTaskAsync("task-1");

        Assert.DoesNotContain(Canary, submitted.TaskId, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, submitted.TraceId, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, record.TraceId, StringComparison.Ordinal);
        Assert.StartsWith("t-ok", submitted.TaskId, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Behaviour> All() => [.. Behaviours.All, .. Extra.Value];
}
