namespace ContractFirst.Runtime.Tests;

/// <summary>
/// One id per logical call, the same on every retry of it: how a server tells a retry from a new call, and counts
/// the tasks one call created.
/// </summary>
public sealed class ClientRequestIdTests
{
    [Fact]
    public async Task EveryRetryOfASubmitSendsTheSameIdAndTheNextCallANewOne()
    {
        // 429, then a refused connection: the two failures after which a submit is sent again.
        var handler = new ScriptedHandler(attempt => attempt switch
        {
            1 => ScriptedHandler.Error(429, "too_many_requests"),
            2 => ScriptedHandler.Refused(),
            _ => ScriptedHandler.Ok(),
        });
        using var http = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(new Uri("https://api.example.test/")), http);

        await transport.PostAsync(OperationKind.Submit);
        await transport.PostAsync(OperationKind.Submit);

        var ids = handler.Attempts.Select(a => a[ClientRequestId.HeaderName]).ToArray();
        Assert.Equal(4, ids.Length);
        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _), id));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
        Assert.NotEqual(ids[0], ids[3]);
    }

    [Fact]
    public async Task EveryRetryOfALookupSendsTheSameId()
    {
        var handler = new ScriptedHandler(attempt => attempt switch
        {
            1 => ScriptedHandler.Error(503, "unavailable"),
            2 => ScriptedHandler.Error(502, "bad_gateway"),
            _ => ScriptedHandler.Ok(),
        });
        using var http = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(new Uri("https://api.example.test/")), http);

        await transport.PostAsync(OperationKind.Read);

        Assert.Single(handler.Attempts.Select(a => a[ClientRequestId.HeaderName]).Distinct());
        Assert.Equal(3, handler.Attempts.Count);
    }

    [Fact]
    public async Task TheIdReachesTheServerOnEveryAttempt()
    {
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt < 3 ? LoopbackServer.Error(context, 429, "too_many_requests") : LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        await transport.PostAsync(OperationKind.Submit);

        var ids = server.Requests.Select(r => r.Headers[ClientRequestId.HeaderName]).ToArray();
        Assert.Equal(3, ids.Length);
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task CallsInAScopeSendTheCallersIdAndNewIdsAfterIt()
    {
        var handler = new ScriptedHandler(attempt => attempt == 1 ? ScriptedHandler.Error(429, "too_many_requests") : ScriptedHandler.Ok());
        using var http = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(new Uri("https://api.example.test/")), http);

        using (ClientRequestId.CreateScope("order-42"))
        {
            Assert.Equal("order-42", ClientRequestId.Current);
            await transport.PostAsync(OperationKind.Submit);
            using (ClientRequestId.CreateScope("order-42-lookup"))
            {
                await transport.PostAsync(OperationKind.Read);
            }

            Assert.Equal("order-42", ClientRequestId.Current);
        }

        Assert.Null(ClientRequestId.Current);
        await transport.PostAsync(OperationKind.Submit);

        var ids = handler.Attempts.Select(a => a[ClientRequestId.HeaderName]).ToArray();
        Assert.Equal(["order-42", "order-42", "order-42-lookup"], ids[..3]);
        Assert.True(Guid.TryParseExact(ids[3], "D", out _), ids[3]);
    }

    [Fact]
    public async Task ScopesOfConcurrentCallsDoNotLeakIntoEachOther()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var http = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(new Uri("https://api.example.test/")), http);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using (ClientRequestId.CreateScope($"call-{i}"))
            {
                await Task.Yield();
                await transport.PostAsync(OperationKind.Submit);
            }
        })));

        var ids = handler.Attempts.Select(a => a[ClientRequestId.HeaderName]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"call-{i}").Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task ConcurrentCallsEachMakeADistinctGuidShapedId()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var http = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(new Uri("https://api.example.test/")), http);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                await transport.PostAsync(OperationKind.Read);
            }
        })));

        var ids = handler.Attempts.Select(a => a[ClientRequestId.HeaderName]).ToArray();
        Assert.Equal(1000, ids.Length);
        Assert.Equal(1000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _), id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("caf\u00e9")]
    public void AnIdAHeaderCannotCarryIsRefused(string id) =>
        Assert.Throws<ArgumentException>(() => ClientRequestId.CreateScope(id));

    [Fact]
    public void AnIdLongerThanTheLimitIsRefused()
    {
        using (ClientRequestId.CreateScope(new string('x', ClientRequestId.MaxLength)))
        {
            Assert.Throws<ArgumentException>(() => ClientRequestId.CreateScope(new string('x', ClientRequestId.MaxLength + 1)));
        }
    }
}
