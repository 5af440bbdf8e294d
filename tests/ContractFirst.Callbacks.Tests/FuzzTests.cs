using System.Globalization;
using System.Text;
using System.Text.Json;
using ContractFirst.Callbacks.Tests.Support;
using ContractFirst.Runtime;
using HappyHorse;

namespace ContractFirst.Callbacks.Tests;

/// <summary>
/// Hostile bodies with a genuine token: random bytes, damaged JSON, hostile strings. Each is answered with the status
/// its bytes call for (400 for what the tolerant reader refuses or what has no task id, 413 over the limit, 200
/// otherwise), nothing escapes the receiver, and no task's handler runs twice.
/// </summary>
public sealed class FuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxTaskIdLength = 64;

    /// <summary>1,500 by default; <c>CALLBACK_FUZZ_CASES</c> for longer runs.</summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CALLBACK_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 1_500;

    [Fact]
    public async Task EveryHostileBodyGetsTheStatusItsBytesCallForAndNoHandlerRunsTwice()
    {
        var runs = new Counter();
        var options = new TaskCallbackOptions { MaxBodyBytes = MaxBodyBytes, MaxTaskIdLength = MaxTaskIdLength };
        await using var host = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, ReceiverTests.Count(runs), options);
        var urls = new CallbackUrls("http://127.0.0.1/callbacks/{token}", Bodies.Secret); // a URL per body, as per task
        var random = new Random(20261127);
        var bodies = Enumerable.Range(0, Cases).Select(i => Make(random, i)).ToList();

        var statuses = new int[bodies.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, bodies.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            statuses[i] = await host.PostAsync(ReceiverTests.Relative(urls.Create()), bodies[i]));

        var byStatus = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{Cases} bodies: " + string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}")) + $"; handler runs {runs.Total}");
        for (var i = 0; i < bodies.Count; i++)
        {
            Assert.True(Expected(bodies[i]) == statuses[i], $"body {i} ({Show(bodies[i])}) was answered {statuses[i]}, expected {Expected(bodies[i])}");
        }

        Assert.Empty(host.Escaped);
        Assert.All(runs.Runs, run => Assert.Equal(1, run.Value));
        var accepted = bodies.Where((_, i) => statuses[i] == 200).Select(b => TaskIdOf(b)!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(accepted.Count, runs.Total);

        // Each kind of answer was exercised, not just refusals.
        Assert.True(byStatus.GetValueOrDefault(200) >= Cases / 10, $"only {byStatus.GetValueOrDefault(200)} accepted");
        Assert.True(byStatus.GetValueOrDefault(400) >= Cases / 4, $"only {byStatus.GetValueOrDefault(400)} refused");
        Assert.True(byStatus.GetValueOrDefault(413) >= 1, "no oversized body");
    }

    /// <summary>The oracle: what the receiver's documented order of checks answers for these bytes.</summary>
    private static int Expected(byte[] body)
    {
        if (body.Length > MaxBodyBytes)
        {
            return 413;
        }

        var taskId = TaskIdOf(body);
        return string.IsNullOrWhiteSpace(taskId) || taskId.Length > MaxTaskIdLength ? 400 : 200;
    }

    private static string? TaskIdOf(byte[] body)
    {
        try
        {
            return ContractJson.Parse<VideosResponse>(body).TaskId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Make(Random random, int i)
    {
        var valid = Encoding.UTF8.GetBytes(Bodies.Finished($"fuzz-{random.Next(400)}"));
        return (i % 10) switch
        {
            0 => RandomBytes(random),
            1 => valid[..random.Next(valid.Length)], // truncated
            2 => Flip(random, valid),
            3 => Insert(random, valid),
            4 => Encoding.UTF8.GetBytes(Hostile(random)),
            5 => Encoding.UTF8.GetBytes(HostileTaskId(random)),
            6 => Oversized(random, valid),
            7 => [0xEF, 0xBB, 0xBF, .. valid], // a BOM before a good body
            8 => Encoding.UTF8.GetBytes(Nested(random)),
            _ => valid,
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2_000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Flip(Random random, byte[] valid)
    {
        var copy = valid.ToArray();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Insert(Random random, byte[] valid)
    {
        string[] junk = ["\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\0", "null", "NaN", "1e999", "\u2028", "\ud800"];
        var at = random.Next(valid.Length);
        return [.. valid[..at], .. Encoding.UTF8.GetBytes(junk[random.Next(junk.Length)]), .. valid[at..]];
    }

    private static string Hostile(Random random)
    {
        string[] shapes =
        [
            "{\"task_id\":\"\\ud800\"}",
            "{\"task_id\":\"a\\u0000b\"}",
            "{\"\\ud800\":1,\"task_id\":\"fuzz-surrogate-name\"}",
            "{\"task_id\":\"fuzz-dup\",\"task_id\":\"fuzz-dup-2\"}",
            "{\"task_id\":\"fuzz-big\",\"data\":[{\"duration\":1e400}]}",
            "{\"task_id\":\"fuzz-neg\",\"success\":-0.0e-999}",
            "{\"task_id\":\"<script>alert(1)</script>\"}",
            "{\"task_id\":\"../../etc/passwd\"}",
            "{\"task_id\":\"' OR 1=1 --\"}",
            "{\"task_id\":\"fuzz\",\"error\":\"not an object\"}",
            "{\"task_id\":\"fuzz-trailing\"} trailing",
            "{\"task_id\":\"fuzz-comment\" /* c */}",
            "{'task_id':'single'}",
            "{\"task_id\":\"fuzz-ctl\u0001\"}",
            "null",
            "true",
            "12345",
            "\"\"",
        ];
        return shapes[random.Next(shapes.Length)];
    }

    private static string HostileTaskId(Random random) => random.Next(6) switch
    {
        0 => "{\"task_id\":12345}", // a number reads as its text: a usable id
        1 => "{\"task_id\":[\"fuzz\"]}",
        2 => "{\"task_id\":true}",
        3 => $"{{\"task_id\":\"{new string('x', random.Next(MaxTaskIdLength - 2, MaxTaskIdLength + 3))}\"}}",
        4 => "{\"task_id\":\"\\t\\n \"}",
        _ => $"{{\"task_id\":\"fuzz-\\u{random.Next(0x4E00, 0x9FFF):x4}\"}}",
    };

    private static byte[] Oversized(Random random, byte[] valid) =>
        [.. valid[..^1], .. Enumerable.Repeat((byte)' ', MaxBodyBytes - valid.Length + random.Next(1, 3)), (byte)'}'];

    private static string Nested(Random random)
    {
        var depth = random.Next(60, 2_000);
        return "{\"task_id\":\"fuzz-deep\",\"data\":" + new string('[', depth) + new string(']', depth) + "}";
    }

    private static string Show(byte[] body) => body.Length > 80 ? Convert.ToHexString(body.AsSpan(0, 40)) + "…" : Convert.ToHexString(body);
}
