using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// Request bodies are serialised into pooled arrays: each request must still carry exactly its own
/// bytes, on every attempt, however many calls share the pool.
/// </summary>
public sealed class ApiTransportPooledBodyTests
{
    [Fact]
    public async Task ConcurrentCallsEachSendTheirOwnBody()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        // Prompts of different lengths, so that a buffer returned early and reused would show as a mixed body.
        var prompts = Enumerable.Range(0, 64).Select(i => new string((char)('a' + (i % 26)), 10 + (i * 37 % 900))).ToList();
        await Task.WhenAll(prompts.Select(prompt =>
            transport.PostAsync<TestResponse>("/things", new TestRequest(prompt, 5), OperationKind.Submit, Timeout.InfiniteTimeSpan, CancellationToken.None)));

        var sent = server.Requests.Select(r => Encoding.UTF8.GetString(r.Body)).Order(StringComparer.Ordinal).ToList();
        var expected = prompts.Select(p => ContractJson.ToJsonString(new TestRequest(p, 5))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, sent);
    }

    [Fact]
    public async Task EveryAttemptOfARetriedCallSendsTheSameBytes()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            if (Interlocked.Increment(ref attempts) < 3)
            {
                context.Response.StatusCode = 503;
                return Task.CompletedTask;
            }

            return LoopbackServer.Ok(context);
        });
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, maxRetries: 3, timeProvider: new RecordingTimeProvider()));
        var prompt = new string('x', 3000);

        await transport.PostAsync<TestResponse>("/things", new TestRequest(prompt, 5), OperationKind.Read, Timeout.InfiniteTimeSpan, CancellationToken.None);

        var bodies = server.Requests.Select(r => r.Body).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, body => Assert.Equal(ContractJson.ToUtf8Bytes(new TestRequest(prompt, 5)), body));
    }
}
