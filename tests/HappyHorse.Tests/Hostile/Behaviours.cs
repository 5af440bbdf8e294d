using System.Text;
using static HappyHorse.Tests.Hostile.Scripts;

namespace HappyHorse.Tests.Hostile;

/// <summary>How a call ended, as the suite tells outcomes apart.</summary>
public enum Outcome
{
    Success,
    ErrorStatus,
    Redirect,
    TooLarge,
    Unreadable,
    Timeout,
    Network,
}

/// <summary>
/// One hostile behaviour: the server's script, and what the client may do about it.
/// </summary>
/// <param name="Name">A unique name (the theory's data).</param>
/// <param name="Scripts">The script per attempt (1-based) on each path.</param>
internal sealed record Behaviour(string Name, Func<int, Script> Scripts)
{
    /// <summary>The outcomes a submit may end in; the concrete set, nothing else passes.</summary>
    public Outcome[] Submit { get; init; } = [Outcome.Unreadable];

    /// <summary>The outcomes a lookup may end in (defaults to <see cref="Submit"/>).</summary>
    public Outcome[]? Lookup { get; init; }

    /// <summary>Exactly how many submits the server must receive: 1 unless the answer proves nothing started.</summary>
    public int Submits { get; init; } = 1;

    /// <summary>Exactly how many lookups the server must receive, or null for "1 to 1 + MaxRetries".</summary>
    public int? Lookups { get; init; }

    /// <summary>The status an <see cref="ApiException"/> must carry, when it is one.</summary>
    public int? Status { get; init; }

    /// <summary>A task id (prefix) that a submit must not lose: on the result or in PartialFields.</summary>
    public string? TaskId { get; init; }

    /// <summary>A trace id (prefix) no call may lose: on the result or in PartialFields.</summary>
    public string? TraceId { get; init; }

    /// <summary>The behaviour never finishes an answer: the call runs with the short hang timeout.</summary>
    public bool Hangs { get; init; }

    /// <summary>A longer per-attempt timeout for a behaviour that answers slowly but completely (so a loaded CI machine cannot turn it into a timeout).</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>Runs before the request is read (so the server counts connections, not requests).</summary>
    public Script? OnConnect { get; init; }

    public Outcome[] LookupOutcomes => Lookup ?? Submit;

    public override string ToString() => Name;
}

/// <summary>The table of hostile behaviours every method is run against.</summary>
internal static class Behaviours
{
    public const int MaxRetries = 2;
    public const int Attempts = 1 + MaxRetries;

    /// <summary>A success body every model can read: VideosResponse, TaskRecord and TaskBatch fields side by side.</summary>
    public const string ValidSuccess = """
        {"success":true,"task_id":"t-ok~E~","trace_id":"tr-ok~E~","id":"t-ok","created_at":1715000000.5,
         "data":[{"id":"u-1","video_url":"https://cdn.example.com/v.mp4","state":"succeeded","duration":5,"resolution":"720P","ratio":"16:9"}],
         "items":[{"id":"t-ok","trace_id":"tr-ok"}],"count":1}
        """;

    /// <summary>The message of the documented error body carries the echo marker (the token, on a canary server).</summary>
    public static string DocumentedError(string code) => $$"""{"error":{"code":"{{code}}","message":"boom ~E~"},"trace_id":"tr-err~E~"}""";

    private static readonly int[] ErrorStatuses = [400, 401, 403, 404, 408, 409, 413, 418, 422, 429, 500, 501, 502, 503, 504, 520];

    private static readonly Lazy<IReadOnlyList<Behaviour>> Table = new(Build);

    public static IReadOnlyList<Behaviour> All => Table.Value;

    public static Behaviour Get(string name) => All.Single(b => b.Name == name);

    /// <summary>Statuses a lookup is retried on, as the runtime documents them.</summary>
    public static bool LookupRetries(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "invalid_token",
        403 => "used_up",
        429 => "too_many_requests",
        _ => "api_error",
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Text with the bytes 0xFF 0xFE (never valid UTF-8) in place of every "§".</summary>
    private static byte[] BadUtf8(string text)
    {
        var output = new List<byte>();
        var parts = text.Split('§');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                output.AddRange([0xFF, 0xFE]);
            }

            output.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. output];
    }

    private static Func<int, Script> Always(Script script) => _ => script;

    private static List<Behaviour> Build()
    {
        var table = new List<Behaviour>();
        void Add(Behaviour behaviour) => table.Add(behaviour);

        // ---- Every relevant error status, each with odd bodies ----
        foreach (var status in ErrorStatuses)
        {
            var submits = status == 429 ? Attempts : 1;
            int? lookups = LookupRetries(status) ? Attempts : 1;
            var bodies = new (string Name, Script Script, string? TraceId)[]
            {
                ("documented body", Answer(status, DocumentedError(CodeFor(status))), "tr-err"),
                ("wrong-typed error body", Answer(status, """{"error":"boom ~E~","trace_id":17}"""), null),
                ("error body with invalid UTF-8", AnswerBytes(status, BadUtf8("""{"error":{"code":"api§error","message":"b§oom ~E~"},"trace_id":"tr-§bad"}""")), "tr-"),
                ("HTML proxy page", Answer(status, "<html><head><title>Error</title></head><body><h1>nginx ~E~</h1></body></html>", "text/html"), null),
                ("empty body", Answer(status, ""), null),
            };
            foreach (var (bodyName, script, traceId) in bodies)
            {
                Add(new($"{status} {bodyName}", Always(script))
                {
                    Submit = [Outcome.ErrorStatus],
                    Status = status,
                    Submits = submits,
                    Lookups = lookups,
                    TraceId = traceId,
                });
            }
        }

        foreach (var status in new[] { 400, 429, 500, 502, 503 })
        {
            foreach (var chunked in new[] { false, true })
            {
                Add(new($"{status} with a 100 MB error body ({(chunked ? "chunked" : "Content-Length")})", Always(Huge(status, HundredMegabytes, chunked, prefix: """{"error":{"code":"api_error","message":"~E~""", filler: (byte)'y')))
                {
                    Submit = [Outcome.ErrorStatus],
                    Status = status,
                    Submits = status == 429 ? Attempts : 1,
                    Lookups = LookupRetries(status) ? Attempts : 1,
                });
            }
        }

        // ---- 429 variants: the only answer a submit is sent again after ----
        foreach (var (name, header) in new[]
        {
            ("Retry-After 0", "Retry-After: 0"),
            ("Retry-After 1", "Retry-After: 1"),
            ("huge Retry-After", "Retry-After: 999999999"),
            ("HTTP-date Retry-After in the future", "Retry-After: " + DateTimeOffset.UtcNow.AddYears(5).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("HTTP-date Retry-After in the past", "Retry-After: Sun, 06 Nov 1994 08:49:37 GMT"),
            ("garbage Retry-After", "Retry-After: soon-ish"),
            ("negative Retry-After", "Retry-After: -5"),
        })
        {
            Add(new($"429 with {name}", Always(Answer(429, DocumentedError("too_many_requests"), "application/json", header)))
            {
                Submit = [Outcome.ErrorStatus],
                Status = 429,
                Submits = Attempts,
                Lookups = Attempts,
                TraceId = "tr-err",
            });
        }

        Add(new("429 with an unknown code", Always(Answer(429, DocumentedError("slow_down"))))
        {
            Submit = [Outcome.ErrorStatus], Status = 429, Submits = Attempts, Lookups = Attempts,
        });
        Add(new("429 then a valid 200", Sequence(Answer(429, DocumentedError("too_many_requests")), Answer(200, ValidSuccess)))
        {
            Submit = [Outcome.Success], Submits = 2, Lookups = 2, TaskId = "t-ok", TraceId = "tr-ok",
        });
        Add(new("429, 429, then a valid 200", Sequence(Answer(429, ""), Answer(429, "<html>busy</html>", "text/html"), Answer(200, ValidSuccess)))
        {
            Submit = [Outcome.Success], Submits = 3, Lookups = 3, TaskId = "t-ok",
        });
        Add(new("500 api_error then a valid 200", Sequence(Answer(500, DocumentedError("api_error")), Answer(200, ValidSuccess)))
        {
            Submit = [Outcome.ErrorStatus], Lookup = [Outcome.Success], Status = 500, Submits = 1, Lookups = 2,
        });
        Add(new("503 then a valid 200", Sequence(Answer(503, ""), Answer(200, ValidSuccess)))
        {
            Submit = [Outcome.ErrorStatus], Lookup = [Outcome.Success], Status = 503, Submits = 1, Lookups = 2,
        });
        Add(new("dropped connection then a valid 200", Sequence(Close(), Answer(200, ValidSuccess)))
        {
            Submit = [Outcome.Network], Lookup = [Outcome.Success], Submits = 1, Lookups = 2,
        });
        Add(new("cut mid-body then a valid 200", Sequence(CutMidBody(200, ValidSuccess, 40), Answer(200, ValidSuccess)))
        {
            Submit = [Outcome.Unreadable], Lookup = [Outcome.Success], Submits = 1, Lookups = 2, TaskId = "t-ok",
        });

        // ---- Redirects: never followed, always typed ----
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var (name, location) in new[]
            {
                ("to another host", "Location: http://127.0.0.1:1/happyhorse/videos?token=~E~"),
                ("relative", "Location: /elsewhere/~E~"),
                ("without Location", null),
            })
            {
                Add(new($"{status} {name}", Always(Answer(status, ValidSuccess, "application/json", location is null ? [] : [location])))
                {
                    Submit = [Outcome.Redirect], Status = status, Lookups = 1,
                });
            }
        }

        Add(new("300 multiple choices", Always(Answer(300, "<html>pick one</html>", "text/html"))) { Submit = [Outcome.Redirect], Status = 300, Lookups = 1 });
        Add(new("304 not modified without a body", Always(Raw("HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n"))) { Submit = [Outcome.Redirect], Status = 304, Lookups = 1 });

        // ---- Success statuses with bodies that are not a usable answer ----
        Add(new("200 valid", Always(Answer(200, ValidSuccess))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok", TraceId = "tr-ok" });
        Add(new("201 valid", Always(Answer(201, ValidSuccess))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok", TraceId = "tr-ok" });
        Add(new("202 with only a task id", Always(Answer(202, """{"task_id":"t-async"}"""))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-async" });
        Add(new("200 valid in 7-byte chunks", Always(Chunked(200, ValidSuccess))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok", TraceId = "tr-ok" });
        Add(new("200 valid, trickled one byte at a time", Always(Trickle(200, """{"task_id":"t-slow","trace_id":"tr-slow"}""", TimeSpan.FromMilliseconds(2))))
        {
            Submit = [Outcome.Success], Lookups = 1, TaskId = "t-slow", TraceId = "tr-slow", AttemptTimeout = TimeSpan.FromSeconds(10),
        });
        Add(new("100 Continue, then a valid 200", Always(Informational("HTTP/1.1 100 Continue\r\n\r\n")))
        {
            Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok",
        });
        Add(new("103 Early Hints, then a valid 200", Always(Informational("HTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n")))
        {
            Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok",
        });
        Add(new("HTTP/1.0 200 without Content-Length, ended by close", Always(Raw("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + ValidSuccess))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok" });
        Add(new("200 valid JSON labelled text/html", Always(Answer(200, ValidSuccess, "text/html"))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok" });
        Add(new("200 valid JSON labelled gzip", Always(Answer(200, ValidSuccess, "application/json", "Content-Encoding: gzip"))) { Submit = [Outcome.Success], Lookups = 1, TaskId = "t-ok" });
        Add(new("200 gzip Content-Encoding with garbage bytes", Always(AnswerBytes(200, [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01, 0x02], "Content-Encoding: gzip")))
        {
            Lookups = 1,
        });
        Add(new("200 gzip Content-Encoding, real gzip of a valid body", Always(AnswerBytes(200, Gzip(ValidSuccess), "Content-Encoding: gzip"))) { Lookups = 1 });
        Add(new("200 with status 204 and no body", Always(Raw("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"))) { Submit = [Outcome.Unreadable], Status = 204, Lookups = 1 });
        Add(new("200 with an empty body", Always(Answer(200, ""))) { Lookups = 1 });
        Add(new("200 with whitespace only", Always(Answer(200, "   \r\n\t "))) { Lookups = 1 });
        Add(new("200 with NUL bytes", Always(AnswerBytes(200, [0, 0, 0, 0]))) { Lookups = 1 });

        // Valid JSON of the wrong shape: the tolerant reader may keep it as a read issue or fail it, typed either way.
        foreach (var (name, json) in new[]
        {
            ("null", "null"), ("[]", "[]"), ("a number", "42"), ("a string", "\"task_id\""), ("true", "true"), ("an array of objects", """[{"task_id":"t-arr"}]"""),
            ("{}", "{}"),
        })
        {
            Add(new($"200 with {name} as the root", Always(Answer(200, json))) { Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1 });
        }

        // Malformed and truncated JSON.
        foreach (var (name, json, taskId) in new (string, string, string?)[]
        {
            ("truncated after the task id", """{"task_id":"t-trunc","trace_id":"tr-trunc","data":[{"id":"u""", "t-trunc"),
            ("truncated inside the task id", """{"task_id":"t-tru""", null),
            ("unquoted names", """{task_id:"t-x"}""", null),
            ("single quotes", """{'task_id':'t-x'}""", null),
            ("a trailing comma", """{"task_id":"t-comma",}""", "t-comma"),
            ("comments", """{"task_id":"t-comment" /* hi */}""", "t-comment"),
            ("a lone brace", "{", null),
            ("an unterminated string", "{\"task_id\":\"t-open", null),
            ("garbage after the task id", """{"task_id":"t-garbage", ###""", "t-garbage"),
            ("an HTML proxy page", "<!DOCTYPE html><html><body>Cloudflare says hi ~E~</body></html>", null),
            ("plain text OK", "OK", null),
            ("a JSON Lines stream", "{\"task_id\":\"t-l1\"}\n{\"task_id\":\"t-l2\"}", "t-l1"),
        })
        {
            Add(new($"200 with {name}", Always(Answer(200, json))) { Submit = [Outcome.Unreadable, Outcome.Success], Lookups = 1, TaskId = taskId });
        }

        Add(new("200 with a closing brace too many", Always(Answer(200, """{"task_id":"t-extra"}}"""))) { Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = "t-extra" });

        // Invalid UTF-8 in strings of a 200: the id before the damage, or the damaged id itself, survives.
        foreach (var (name, body, taskId, traceId) in new (string, string, string?, string?)[]
        {
            ("in the task id", """{"task_id":"t-§utf","trace_id":"tr-utf"}""", "t-", "tr-utf"),
            ("in the trace id", """{"task_id":"t-utf","trace_id":"tr-§x"}""", "t-utf", "tr-"),
            ("in data[].state", """{"task_id":"t-utf","trace_id":"tr-utf","data":[{"state":"succ§eeded"}]}""", "t-utf", "tr-utf"),
            ("in data[].video_url", """{"task_id":"t-utf","trace_id":"tr-utf","data":[{"video_url":"https://x/§.mp4"}]}""", "t-utf", "tr-utf"),
            ("in a nested unknown field", """{"task_id":"t-utf","trace_id":"tr-utf","meta":{"deep":{"x":"§"}}}""", "t-utf", "tr-utf"),
            ("in a property name", """{"task_id":"t-utf","trace_id":"tr-utf","na§me":1}""", "t-utf", "tr-utf"),
            ("in the response.data of a task record", """{"task_id":"t-utf","trace_id":"tr-utf","id":"t-utf","response":{"task_id":"§"}}""", "t-utf", "tr-utf"),
            ("in items[].id of a batch", """{"task_id":"t-utf","trace_id":"tr-utf","items":[{"id":"§"}]}""", "t-utf", "tr-utf"),
        })
        {
            Add(new($"200 with invalid UTF-8 {name}", Always(AnswerBytes(200, BadUtf8(body))))
            {
                Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = taskId, TraceId = traceId,
            });
        }

        Add(new("200 with a lone surrogate escape in the task id", Always(Answer(200, """{"task_id":"t-\uD800","trace_id":"tr-sur"}""")))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = "t-", TraceId = "tr-sur",
        });

        // Deeply nested JSON.
        Add(new("200 with 10,000 nested arrays as the root", Always(Answer(200, new string('[', 10_000) + new string(']', 10_000)))) { Submit = [Outcome.Unreadable, Outcome.Success], Lookups = 1 });
        Add(new("200 with 10,000 nested objects after the ids", Always(Answer(200, """{"task_id":"t-deep","trace_id":"tr-deep","x":""" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) + "}")))
        {
            Submit = [Outcome.Unreadable, Outcome.Success], Lookups = 1, TaskId = "t-deep", TraceId = "tr-deep",
        });
        Add(new("200 with 10,000 nested arrays in data", Always(Answer(200, """{"task_id":"t-deep","trace_id":"tr-deep","data":""" + new string('[', 10_000) + new string(']', 10_000) + "}")))
        {
            Submit = [Outcome.Unreadable, Outcome.Success], Lookups = 1, TaskId = "t-deep", TraceId = "tr-deep",
        });
        Add(new("200 with 10,000 unclosed arrays", Always(Answer(200, """{"task_id":"t-deep","x":""" + new string('[', 10_000)))) { Submit = [Outcome.Unreadable], Lookups = 1, TaskId = "t-deep" });

        // Wrong types in valid JSON: success (a read issue) or a typed unreadable answer.
        foreach (var (name, json) in new[]
        {
            ("duration 5.0", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"duration":5.0}]}"""),
            ("duration \"5\"", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"duration":"5"}]}"""),
            ("duration 1e400", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"duration":1e400}]}"""),
            ("duration true", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"duration":true}]}"""),
            ("timestamps as ISO strings", """{"task_id":"t-wt","trace_id":"tr-wt","id":"t-wt","created_at":"2024-05-01T00:00:00Z","finished_at":"2024-05-01T00:01:00Z"}"""),
            ("timestamps out of range", """{"task_id":"t-wt","trace_id":"tr-wt","id":"t-wt","created_at":1e300}"""),
            ("data null", """{"task_id":"t-wt","trace_id":"tr-wt","data":null}"""),
            ("data an object", """{"task_id":"t-wt","trace_id":"tr-wt","data":{"id":"u"}}"""),
            ("data a string", """{"task_id":"t-wt","trace_id":"tr-wt","data":"none"}"""),
            ("data of numbers", """{"task_id":"t-wt","trace_id":"tr-wt","data":[1,2,3]}"""),
            ("success \"true\"", """{"task_id":"t-wt","trace_id":"tr-wt","success":"true"}"""),
            ("success null", """{"task_id":"t-wt","trace_id":"tr-wt","success":null}"""),
            ("state a number", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"state":42}]}"""),
            ("an unknown state", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"state":"exploded"}]}"""),
            ("an unknown resolution", """{"task_id":"t-wt","trace_id":"tr-wt","data":[{"resolution":"8K"}]}"""),
            ("elapsed a string", """{"task_id":"t-wt","trace_id":"tr-wt","id":"t-wt","elapsed":"fast"}"""),
            ("response an array", """{"task_id":"t-wt","trace_id":"tr-wt","id":"t-wt","response":[]}"""),
            ("request a string", """{"task_id":"t-wt","trace_id":"tr-wt","id":"t-wt","request":"x"}"""),
            ("items null", """{"task_id":"t-wt","trace_id":"tr-wt","items":null}"""),
            ("items of strings", """{"task_id":"t-wt","trace_id":"tr-wt","items":["a"]}"""),
            ("count 1.5", """{"task_id":"t-wt","trace_id":"tr-wt","count":1.5}"""),
            ("count 1e20", """{"task_id":"t-wt","trace_id":"tr-wt","count":1e20}"""),
            ("id a number", """{"task_id":"t-wt","trace_id":"tr-wt","id":12345}"""),
            ("a success:false error envelope", """{"success":false,"task_id":"t-wt","trace_id":"tr-wt","error":{"code":"api_error","message":"boom"}}"""),
        })
        {
            Add(new($"200 with {name}", Always(Answer(200, json))) { Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = "t-wt", TraceId = "tr-wt" });
        }

        Add(new("200 with task_id a number", Always(Answer(200, """{"task_id":12345,"trace_id":"tr-num"}""")))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TraceId = "tr-num",
        });
        Add(new("200 with task_id null", Always(Answer(200, """{"task_id":null,"trace_id":"tr-null"}""")))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TraceId = "tr-null",
        });
        Add(new("200 with task_id an object", Always(Answer(200, """{"task_id":{"id":"t-obj"},"trace_id":"tr-obj"}""")))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TraceId = "tr-obj",
        });
        Add(new("200 with duplicate task_id keys", Always(Answer(200, """{"task_id":"t-dup-a","task_id":"t-dup-b","trace_id":"tr-dup"}""")))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = "t-dup-", TraceId = "tr-dup",
        });
        Add(new("200 with duplicate data keys", Always(Answer(200, """{"task_id":"t-dup","data":[{"state":"pending"}],"data":null}""")))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = "t-dup",
        });
        Add(new("200 with a UTF-8 BOM before the JSON", Always(AnswerBytes(200, [0xEF, 0xBB, 0xBF, .. Utf8("""{"task_id":"t-bom","trace_id":"tr-bom"}""")])))
        {
            Submit = [Outcome.Success, Outcome.Unreadable], Lookups = 1, TaskId = "t-bom", TraceId = "tr-bom",
        });

        // Very long strings and huge success bodies (the default limit is 8 MiB).
        Add(new("200 echoing a 7 MB prompt (within the limit)", Always(Huge(200, 7_000_000, chunked: false, prefix: "{\"task_id\":\"t-long\",\"trace_id\":\"tr-long\",\"prompt\":\"")))
        {
            Submit = [Outcome.Success], Lookups = 1, TaskId = "t-long", TraceId = "tr-long",
        });
        Add(new("200 echoing a 7 MB prompt, chunked", Always(Huge(200, 7_000_000, chunked: true, prefix: "{\"task_id\":\"t-long\",\"trace_id\":\"tr-long\",\"prompt\":\"")))
        {
            Submit = [Outcome.Success], Lookups = 1, TaskId = "t-long", TraceId = "tr-long",
        });
        Add(new("200 echoing a 10 MB prompt (over the limit)", Always(Huge(200, 10_000_000, chunked: false, prefix: "{\"task_id\":\"t-long\",\"prompt\":\"")))
        {
            Submit = [Outcome.TooLarge], Status = 200, Lookups = 1, TaskId = "t-long",
        });
        Add(new("200 echoing a 10 MB prompt, chunked", Always(Huge(200, 10_000_000, chunked: true, prefix: "{\"task_id\":\"t-long\",\"prompt\":\"")))
        {
            Submit = [Outcome.TooLarge], Status = 200, Lookups = 1, TaskId = "t-long",
        });
        Add(new("200 with a 100 MB body (Content-Length)", Always(Huge(200, HundredMegabytes, chunked: false))) { Submit = [Outcome.TooLarge], Status = 200, Lookups = 1 });
        Add(new("200 with a 100 MB body (chunked)", Always(Huge(200, HundredMegabytes, chunked: true))) { Submit = [Outcome.TooLarge], Status = 200, Lookups = 1 });
        Add(new("200 with a 10 MB task id", Always(Huge(200, 10_000_000, chunked: true, prefix: "{\"task_id\":\"t-", suffix: "\"}"))) { Submit = [Outcome.TooLarge], Status = 200, Lookups = 1 });
        Add(new("200 with 100,000 data items", Always(Answer(200, """{"task_id":"t-many","data":[""" + string.Join(',', Enumerable.Repeat("{}", 100_000)) + "]}")))
        {
            Submit = [Outcome.Success], Lookups = 1, TaskId = "t-many",
        });
        Add(new("200 with 50 long top-level fields then a cut", Always(CutMidBody(200, "{" + string.Join(',', Enumerable.Range(0, 50).Select(i => $"\"field{i}\":\"{new string('v', 2000)}\"")) + ",\"task_id\":\"t-late\"}", 80_000)))
        {
            Submit = [Outcome.Unreadable], Lookups = Attempts,
        });

        // Wrong Content-Length.
        Add(new("200 with Content-Length shorter than the body", Always(Raw(Head(200, ["Content-Length: 30"]) + """{"task_id":"t-short","trace_id":"tr-short","data":[]}""")))
        {
            Lookups = 1, TaskId = "t-short",
        });
        Add(new("200 with Content-Length longer than the body, then close", Always(Raw(Head(200, ["Content-Length: 5000"]) + """{"task_id":"t-long-cl","trace_id":"tr-long-cl"}""")))
        {
            Lookups = Attempts, TaskId = "t-long-cl", TraceId = "tr-long-cl",
        });
        Add(new("200 with Content-Length longer than the body, then silence", Always(HeadersThenSilence(200, """{"task_id":"t-silent","trace_id":"tr-silent"}""", 5000)))
        {
            Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true,
        });
        Add(new("200 with two different Content-Lengths", Always(Raw(Head(200, ["Content-Length: 20", "Content-Length: 25"]) + """{"task_id":"t-two-cl"}"""))) { Submit = [Outcome.Unreadable], Lookups = 1 });
        Add(new("200 with Content-Length and chunked", Always(Raw(Head(200, ["Content-Length: 3", "Transfer-Encoding: chunked"]) + "15\r\n{\"task_id\":\"t-both\"}\r\n0\r\n\r\n")))
        {
            Submit = [Outcome.Success], Lookups = 1,
        });
        Add(new("200 with a negative Content-Length", Always(Raw(Head(200, ["Content-Length: -1"]) + "{}"))) { Submit = [Outcome.Success], Lookups = 1 });
        Add(new("200 with an invalid chunk size", Always(Raw(Head(200, ["Transfer-Encoding: chunked"]) + "zz\r\n{\"task_id\":\"t-chunk\"}\r\n0\r\n\r\n")))
        {
            Submit = [Outcome.Unreadable], Lookups = Attempts,
        });

        // Cuts, resets, silence.
        Add(new("200 cut mid-body after the ids", Always(CutMidBody(200, ValidSuccess, 60))) { Lookups = Attempts, TaskId = "t-ok", TraceId = "tr-ok" });
        Add(new("200 reset mid-body after the ids", Always(CutMidBody(200, ValidSuccess, 60, reset: true))) { Lookups = Attempts, TaskId = "t-ok", TraceId = "tr-ok" });
        Add(new("200 cut inside the task id", Always(CutMidBody(200, ValidSuccess, 25))) { Lookups = Attempts });
        Add(new("200 cut after the headers, before any body byte", Always(CutMidBody(200, ValidSuccess, 0))) { Lookups = Attempts });
        Add(new("200 chunked, cut mid-chunk after the ids", Always(ChunkedCut(200, """{"task_id":"t-chunk-cut","trace_id":"tr-chunk-cut","data":[{"""))) { Lookups = Attempts, TaskId = "t-chunk-cut", TraceId = "tr-chunk-cut" });
        Add(new("200 chunked, reset mid-chunk after the ids", Always(ChunkedCut(200, """{"task_id":"t-chunk-cut","trace_id":"tr-chunk-cut","data":[{""", reset: true))) { Lookups = Attempts, TaskId = "t-chunk-cut" });
        Add(new("500 cut mid-body", Always(CutMidBody(500, DocumentedError("api_error"), 20))) { Submit = [Outcome.ErrorStatus], Status = 500, Lookups = Attempts });
        Add(new("headers then silence (Content-Length)", Always(HeadersThenSilence(200))) { Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true });
        Add(new("headers then silence (chunked)", Always(HeadersThenSilence(200, "", null))) { Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true });
        Add(new("error headers then silence", Always(HeadersThenSilence(503))) { Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true });
        Add(new("half a status line then silence", Always(ctx => Task.WhenAll(ctx.WriteAsync("HTTP/1.1 2"), ctx.HangAsync()))) { Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true });
        Add(new("no answer at all", Always(Silence())) { Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true });
        Add(new("a body that trickles forever", Always(TrickleForever(200))) { Submit = [Outcome.Timeout], Lookups = Attempts, Hangs = true });
        Add(new("close right after the request", Always(Close())) { Submit = [Outcome.Network], Lookups = Attempts });
        Add(new("reset right after the request", Always(Close(reset: true))) { Submit = [Outcome.Network], Lookups = Attempts });
        Add(new("close before reading the request", Always(Close()))
        {
            Submit = [Outcome.Network], Lookups = null, OnConnect = ctx => Task.CompletedTask,
        });
        Add(new("reset before reading the request", Always(Close()))
        {
            Submit = [Outcome.Network], Lookups = null, OnConnect = ctx => { ctx.Reset(); return Task.CompletedTask; },
        });

        // Broken HTTP framing.
        foreach (var (name, raw) in new[]
        {
            ("a garbage status line", "HTTP/1.1 abc ~E~\r\nContent-Length: 2\r\n\r\n{}"),
            ("a status line that is not HTTP", "SSH-2.0-OpenSSH_9.6 ~E~\r\n\r\n"),
            ("an HTTP/2 status line", "HTTP/2 200\r\nContent-Length: 2\r\n\r\n{}"),
            ("a header line without a colon", "HTTP/1.1 200 OK\r\nthis is not a header ~E~\r\nContent-Length: 2\r\n\r\n{}"),
            ("a header name with a space", "HTTP/1.1 200 OK\r\nBad Name ~E~: x\r\nContent-Length: 2\r\n\r\n{}"),
            ("bare LF line endings and garbage", "HTTP/1.1 200 OK\n\u0001\u0002\n\n{}"),
        })
        {
            Add(new($"answer with {name}", Always(Raw(raw)))
            {
                Submit = [Outcome.Network],
                Lookups = Attempts,
            });
        }

        Add(new("answer with 100 KB of headers", Always(Raw("HTTP/1.1 200 OK\r\nX-Big: " + new string('h', 100_000) + "\r\nContent-Length: 2\r\n\r\n{}"))) { Submit = [Outcome.Network], Lookups = Attempts });
        Add(new("answer with status 999", Always(Answer(999, DocumentedError("api_error"))))
        {
            Submit = [Outcome.ErrorStatus], Status = 999, Lookups = 1,
        });
        Add(new("answer with status 600", Always(Answer(600, "{}")))
        {
            Submit = [Outcome.ErrorStatus], Status = 600, Lookups = 1,
        });
        Add(new("answer with status 199 (an unknown informational)", Always(Raw("HTTP/1.1 199 Odd\r\n\r\n" + Head(200, ["Content-Length: 2"]) + "{}")))
        {
            Submit = [Outcome.Success], Lookups = 1,
        });
        Add(new("answer with 101 Switching Protocols", Always(Raw("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n{}"))) { Submit = [Outcome.ErrorStatus], Status = 101, Lookups = 1 });
        Add(new("401 with a WWW-Authenticate challenge", Always(Answer(401, DocumentedError("invalid_token"), "application/json", "WWW-Authenticate: Bearer realm=\"~E~\"")))
        {
            Submit = [Outcome.ErrorStatus], Status = 401, Lookups = 1, TraceId = "tr-err",
        });
        Add(new("500 with a Set-Cookie storm", Always(Answer(500, DocumentedError("api_error"), "application/json", [.. Enumerable.Range(0, 200).Select(i => $"Set-Cookie: c{i}=~E~")])))
        {
            Submit = [Outcome.ErrorStatus], Status = 500, Lookups = Attempts,
        });

        return table;
    }

    /// <summary>An informational answer, then the valid 200.</summary>
    private static Script Informational(string preamble) => async ctx =>
    {
        await ctx.WriteAsync(preamble);
        await Answer(200, ValidSuccess)(ctx);
    };

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text.Replace(HostileContext.EchoMarker, "", StringComparison.Ordinal)));
        }

        return output.ToArray();
    }
}
