using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HappyHorse.Emulator.Tests.Support;
using Xunit.Abstractions;

namespace HappyHorse.Emulator.Tests.Hosting;

/// <summary>
/// Whatever a client sends, the emulator answers with a typed error body (the contract's layout, a code) and never a
/// 500, keeps only counters of refused requests, and holds its memory flat.
/// </summary>
public sealed class HostileRequestTests(ITestOutputHelper output)
{
    private const string Videos = "/happyhorse/videos";
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "unpaired surrogate in prompt", """{ "prompt": "\ud800" }""", 400, "bad_request" },
        { "unpaired surrogate in model", """{ "prompt": "x", "model": "\udfff" }""", 400, "bad_request" },
        { "unpaired surrogate in action", """{ "action": "\ud800", "prompt": "x" }""", 400, "bad_request" },
        { "unpaired surrogate in callback_url", """{ "prompt": "x", "callback_url": "http://127.0.0.1/\ud800" }""", 400, "bad_request" },
        { "unpaired surrogate in a property name", """{ "\ud800": 1, "prompt": "x" }""", 400, "bad_request" },
        { "not JSON", "{ prompt: x", 400, "bad_request" },
        { "not an object", "[1, 2]", 400, "bad_request" },
        { "empty", "", 400, "bad_request" },
        { "nested too deep", new string('[', 5000) + new string(']', 5000), 400, "bad_request" },
        { "a huge number", """{ "prompt": "x", "duration": 1e400 }""", 400, "bad_request" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileBodyGetsATypedClientError(string what, string body, int status, string code)
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        var answer = await Clients.PostAsync(emulator, Videos, body);

        Assert.True((status, code) == (answer.Status, answer.ErrorCode), $"{what}: {answer.Status} {answer.Text}");
        Assert.False(string.IsNullOrWhiteSpace(answer.ErrorMessage), what);
    }

    [Fact]
    public async Task InvalidUtf8GetsATypedClientError()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync();

        using var answer = await SendAsync(emulator, [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], emulator.Token);

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Equal("bad_request", JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOversizedBodyGets413WithATypedErrorAndIsNotKept()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { MaxRequestBodyBytes = 64 * 1024 });
        var body = Encoding.UTF8.GetBytes("{\"prompt\":\"" + new string('a', 200_000) + "\"}");

        using var answer = await SendAsync(emulator, body, emulator.Token);

        Assert.Equal(413, (int)answer.StatusCode);
        Assert.Equal("request_too_large", JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Empty(emulator.Requests);
        Assert.Equal(1, emulator.Usage.RequestsRefused);
    }

    [Fact]
    public async Task MemoryStaysFlatUnderThousandsOfHostileRequests()
    {
        await using var emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { MaxRequestHistory = 100, TaskDuration = TimeSpan.Zero });
        var hostile = new HostileInputs(seed: 20261126);
        var big = Encoding.UTF8.GetBytes("{\"prompt\":\"" + new string('x', 2 << 20) + "\"}");

        // Warm up (JIT, pools, the first tasks), then measure what the next thousands of requests leave behind.
        await FloodAsync(emulator, hostile, big, 300);
        var before = Settled();
        var statuses = await FloodAsync(emulator, hostile, big, 3_000);
        var after = Settled();

        output.WriteLine($"3,000 hostile requests: {before >> 20} MB held before, {after >> 20} MB after; statuses {string.Join(", ", statuses.GroupBy(x => x).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}");
        Assert.DoesNotContain(500, statuses);

        // Every request gets an answer: an oversized body is read and dropped, so its sender sees the 413, not a reset.
        Assert.DoesNotContain(-1, statuses);
        Assert.True(emulator.Requests.Count <= 100);
        Assert.True(after - before < 40L << 20, $"{(after - before) >> 20} MB more held after 3,000 hostile requests ({before >> 20} MB before)");
    }

    /// <summary>Sends <paramref name="count"/> requests, 16 at a time: bad JSON, hostile strings, 2 MB bodies, bad tokens and a few valid submits.</summary>
    private static async Task<int[]> FloodAsync(ContractEmulator emulator, HostileInputs hostile, byte[] big, int count)
    {
        var bodies = Enumerable.Range(0, count).Select(i => (i % 6) switch
        {
            0 => (Encoding.UTF8.GetBytes("{\"prompt\":" + new string('[', i % 200)), emulator.Token),
            1 => (Encoding.UTF8.GetBytes(new JsonObject { ["prompt"] = hostile.Next(), ["image_url"] = hostile.Next() }.ToJsonString()), emulator.Token),
            2 => (big, emulator.Token),
            3 => (Encoding.UTF8.GetBytes("""{ "prompt": "x" }"""), "wrong-token"),
            4 => (Encoding.UTF8.GetBytes("{\"prompt\":\"\\ud800\",\"model\":\"\\udc00\"}"), emulator.Token),
            _ => (Encoding.UTF8.GetBytes("""{ "prompt": "a horse", "async": true }"""), emulator.Token),
        }).ToArray();
        var statuses = new int[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            try
            {
                using var answer = await SendAsync(emulator, bodies[i].Item1, bodies[i].Item2);
                statuses[i] = (int)answer.StatusCode;
            }
            catch (HttpRequestException)
            {
                statuses[i] = -1;
            }
        });
        return statuses;
    }

    private static long Settled()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<HttpResponseMessage> SendAsync(ContractEmulator emulator, byte[] body, string token)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, Videos)) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await s_http.SendAsync(message);
    }
}
