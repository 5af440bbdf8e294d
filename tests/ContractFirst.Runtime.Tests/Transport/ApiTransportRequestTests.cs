namespace ContractFirst.Runtime.Tests;

public sealed class ApiTransportRequestTests
{
    [Fact]
    public async Task SendsTheBearerTokenJsonHeadersAndTheBodyBytes()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        var response = await transport.PostAsync();

        Assert.Equal(new TestResponse("task-1", 5), response);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/things"), (request.Method, request.Path));
        Assert.Equal($"Bearer {TestApi.Token}", request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.StartsWith("ContractFirst.Runtime/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal(ContractJson.ToUtf8Bytes(new TestRequest("a cat", 5)), request.Body);
    }

    [Theory]
    [InlineData("proxy/v2")]
    [InlineData("proxy/v2/")]
    public async Task KeepsTheBasePathOfTheEndpoint(string basePath)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(new Uri(server.BaseAddress, basePath)));

        await transport.PostAsync();

        Assert.Equal("/proxy/v2/things", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task SendsTheConfiguredUserAgent()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        var options = TestApi.Options(server.BaseAddress);
        options.UserAgent = "SomeSdk/1.2.3 (tests)";
        using var transport = TestApi.Transport(options);

        await transport.PostAsync();

        Assert.Equal("SomeSdk/1.2.3 (tests)", Assert.Single(server.Requests).Headers["User-Agent"]);
    }

    [Fact]
    public async Task LeavesACallersHttpClientUntouchedAndUndisposed()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        using var httpClient = new HttpClient();
        using (var transport = TestApi.Transport(TestApi.Options(server.BaseAddress), httpClient))
        {
            await transport.PostAsync();
        }

        Assert.Null(httpClient.DefaultRequestHeaders.Authorization);
        using var after = await httpClient.GetAsync(server.BaseAddress);
        Assert.False(server.Requests[^1].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task AMalformedSuccessBodyIsATypedUnreadableAnswerThatKeepsItsIdsAndIsNotRetried()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Json(context, 200, """{"id": "task-7", "trace_id": "t-1", "duration": [5"""));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        var ex = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Read));

        Assert.Equal(ApiFailureKind.UnreadableResponse, ex.Kind);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException);
        Assert.Equal("task-7", ex.Info.PartialFields["id"]);
        Assert.Equal("t-1", ex.Info.PartialFields["trace_id"]);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RejectsAPathWithoutALeadingSlash()
    {
        using var transport = TestApi.Transport(TestApi.Options(new Uri("http://127.0.0.1:1")));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            transport.PostAsync<TestResponse>("things", new TestRequest("a", 5), OperationKind.Read, TimeSpan.FromSeconds(1), CancellationToken.None));
    }
}
