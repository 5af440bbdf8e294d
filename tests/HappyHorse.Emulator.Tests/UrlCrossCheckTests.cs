using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ContractFirst.Runtime;
using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit.Abstractions;

namespace HappyHorse.Emulator.Tests;

/// <summary>
/// Three judges of one URL rule and one string rule: the generated SDK validators
/// (<see cref="Validate.IsHttpUrl"/>, <see cref="Validate.IndexOfUnpairedSurrogate"/>), NJsonSchema with the
/// committed schemas in <c>spec/schemas/</c>, and the emulator over loopback HTTP. Over thousands of hostile
/// but plausible values in url and string fields, they must agree on every one.
/// </summary>
/// <remarks>Set <c>URL_FUZZ_CASES</c> (for example to 200000) for a longer local run.</remarks>
public class UrlCrossCheckTests(ITestOutputHelper output)
{
    private const string GoodUrl = "https://cdn.example.com/a.png";

    /// <summary>One field the values are put in: how the SDK request is built, and where the value goes in the JSON body.</summary>
    private sealed record Target(string Endpoint, string Action, string Field, Func<string, object> Build, Action<JObject, string> Set);

    private static readonly Target[] Targets =
    [
        new("videos", "generate", "prompt", v => new GenerateRequest(v) { Async = true }, (b, v) => b["prompt"] = v),
        new("videos", "generate", "callback_url", v => new GenerateRequest("A horse") { Async = true, CallbackUrl = v }, (b, v) => b["callback_url"] = v),
        new("videos", "image_to_video", "image_url", v => new ImageToVideoRequest(v) { Async = true }, (b, v) => b["image_url"] = v),
        new("videos", "reference_to_video", "image_urls[1]", v => new ReferenceToVideoRequest("character1 runs", [GoodUrl, v]) { Async = true }, (b, v) => b["image_urls"]![1] = v),
        new("videos", "video_edit", "video_url", v => new VideoEditRequest("Make it snow", v) { Async = true }, (b, v) => b["video_url"] = v),
        new("tasks", "retrieve", "id", v => new GetTaskRequest(v), (b, v) => b["id"] = v),
        new("tasks", "retrieve_batch", "ids[0]", v => new GetTasksRequest([v]), (b, v) => b["ids"]![0] = v),
    ];

    /// <summary>Values that once split the judges, tried in every field before the random ones.</summary>
    private static readonly string[] Regressions =
    [
        "http://./", "https://ex~ample.com/", "https://" + new string('a', 300) + "/", "https://a..b/", "\uD800", "\uDC00",
        "https://cdn.example.com/\uD800", "https://cdn.example.com/x\n", "ok\uD83D", "https://[::1]:65535/", GoodUrl,
    ];

    [Fact]
    public async Task TheSdkTheSchemasAndTheEmulatorJudgeEveryValueAlike()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("URL_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 10_000;
        var contract = ContractParser.Load(Repo.PathOf("spec", "happyhorse.yaml"));
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var target in Targets)
        {
            var name = $"{target.Endpoint}.{target.Action}.request.schema.json";
            schemas.TryAdd(name, await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Repo.PathOf("spec", "schemas", "happyhorse", name))));
        }

        var inputs = new HostileInputs(seed: 20260611);
        var values = Regressions.SelectMany(r => Targets.Select(_ => r)).Concat(Enumerable.Range(0, count).Select(_ => inputs.Next())).ToArray();

        // The SDK and the schemas, in process, over every value.
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        var cases = new (Target Target, string Value, bool Valid, string Body)[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var target = Targets[i % Targets.Length];
            var value = values[i];
            var sdk = ((IValidatable)target.Build(value)).Validate();
            var body = JObject.Parse(ContractJson.ToJsonString((IJsonWritable)target.Build(GoodValue(target))));
            target.Set(body, value);
            var schemaErrors = schemas[$"{target.Endpoint}.{target.Action}.request.schema.json"].Validate(body);
            if (sdk.IsValid != (schemaErrors.Count == 0))
            {
                problems.Add($"{Show(target, value)}: the SDK {(sdk.IsValid ? "accepts" : "refuses")} it, the schema {(sdk.IsValid ? "refuses" : "accepts")} it ({string.Join("; ", schemaErrors.Select(e => e.Kind))})");
            }

            if (!sdk.IsValid && sdk.Errors.Any(e => e.Field != target.Field))
            {
                problems.Add($"{Show(target, value)}: an SDK error names another field: {string.Join("; ", sdk.Errors.Select(e => e.Field))}");
            }

            var surrogate = Validate.IndexOfUnpairedSurrogate(value);
            if (surrogate >= 0 && !sdk.Errors.Any(e => e.Rule == "utf16" && e.Message.EndsWith($"at index {surrogate}", StringComparison.Ordinal)))
            {
                problems.Add($"{Show(target, value)}: the SDK does not name the unpaired surrogate at {surrogate}: {string.Join("; ", sdk.Errors.Select(e => e.Message))}");
            }

            cases[i] = (target, value, sdk.IsValid, Json(body));
        }

        var inProcess = clock.Elapsed;

        // The emulator, over loopback HTTP, a few requests at a time. Tasks never end during the test and every
        // submit is async, so valid submits are answered at once; remote callback URLs are allowed so that only
        // validation decides.
        clock.Restart();
        var httpProblems = new ConcurrentBag<string>();
        await using (var emulator = await HappyHorseEmulator.StartAsync(new() { TaskDuration = TimeSpan.FromHours(1), AllowRemoteCallbacks = true }))
        {
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) =>
            {
                var answer = await Clients.PostAsync(emulator, contract.GetEndpoint(c.Target.Endpoint).Path, c.Body);

                // An unknown task id is a 404 after validation passed: accepted, as far as validation goes.
                var accepted = answer.Status == 200 || (answer.Status == 404 && c.Target.Endpoint == "tasks");
                if (!accepted && answer.Status != 400)
                {
                    httpProblems.Add($"{Show(c.Target, c.Value)}: HTTP {answer.Status} {answer.Text}");
                }
                else if (accepted != c.Valid)
                {
                    httpProblems.Add($"{Show(c.Target, c.Value)}: the SDK {(c.Valid ? "accepts" : "refuses")} it, the emulator {(c.Valid ? $"refuses it: {answer.ErrorMessage}" : "accepts it")}");
                }
                else if (!accepted && (answer.ErrorCode != "bad_request" || answer.ErrorMessage?.Contains(c.Target.Field, StringComparison.Ordinal) != true))
                {
                    httpProblems.Add($"{Show(c.Target, c.Value)}: the emulator's 400 does not name {c.Target.Field}: {answer.Text}");
                }
                else if (!accepted && Validate.IndexOfUnpairedSurrogate(c.Value) is >= 0 and var at
                    && answer.ErrorMessage?.Contains($"{c.Target.Field} must be well-formed UTF-16: unpaired surrogate U+{(int)c.Value[at]:X4} at index {at}", StringComparison.Ordinal) != true)
                {
                    httpProblems.Add($"{Show(c.Target, c.Value)}: the emulator does not name the unpaired surrogate at {at}: {answer.ErrorMessage}");
                }
            });
        }

        var overHttp = clock.Elapsed;
        problems.AddRange(httpProblems.Order(StringComparer.Ordinal));
        var acceptedCount = cases.Count(c => c.Valid);
        output.WriteLine(
            $"{cases.Length} values ({count} random, {cases.Length - count} regressions): {acceptedCount} accepted, {cases.Length - acceptedCount} refused, "
            + $"{cases.Count(c => Validate.IndexOfUnpairedSurrogate(c.Value) >= 0)} with an unpaired surrogate; "
            + $"SDK and schemas {inProcess.TotalSeconds:0.0} s, emulator over HTTP {overHttp.TotalSeconds:0.0} s; {problems.Count} problems.");

        Assert.True(problems.Count == 0, $"{problems.Count} of {cases.Length} values are judged differently:\n" + string.Join("\n", problems.Take(100)));

        // The generator is worth something only if it reaches both sides of both rules in every field.
        foreach (var target in Targets)
        {
            var mine = cases.Where(c => c.Target == target).ToArray();
            Assert.True(mine.Any(c => c.Valid) && mine.Any(c => !c.Valid), $"{target.Field} of {target.Action} was tried on one side only.");
        }
    }

    private static string GoodValue(Target target) => target.Field is "prompt" or "id" or "ids[0]" ? "task-1" : GoodUrl;

    /// <summary>The body as the emulator receives it: every non-ASCII character escaped, so lone surrogates travel as <c>\ud800</c>.</summary>
    private static string Json(JObject body)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { StringEscapeHandling = StringEscapeHandling.EscapeNonAscii, Formatting = Formatting.None })
        {
            body.WriteTo(writer);
        }

        return text.ToString();
    }

    private static string Show(Target target, string value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { StringEscapeHandling = StringEscapeHandling.EscapeNonAscii })
        {
            writer.WriteValue(value.Length > 120 ? value[..120] + "…" : value);
        }

        return $"{target.Endpoint}.{target.Action} {target.Field}={text}";
    }
}
