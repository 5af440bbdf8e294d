using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Client;

/// <summary>Endpoint overrides and caller-provided HttpClients.</summary>
public class ClientConfigurationTests
{
    [Theory]
    [InlineData("proxy")]
    [InlineData("proxy/")]
    [InlineData("proxy/v1")]
    public async Task AnEndpointWithABasePathKeepsThePath(string basePath)
    {
        await using var server = await LoopbackServer.StartAsync();
        var expectedPath = "/" + basePath.TrimEnd('/') + "/happyhorse/videos";
        server.On(expectedPath, Reply.Ok("""{ "task_id": "task-1" }"""));
        using var client = new HappyHorseClient(TestClients.Token, TestClients.FastOptions(new Uri(server.BaseAddress, basePath)));

        var response = await client.GenerateAsync(new GenerateRequest("a horse"));

        Assert.Equal("task-1", response.TaskId);
        Assert.Equal(expectedPath, Assert.Single(server.Requests).Path);
    }

    [Fact]
    public void WithoutAnOverrideTheClientTargetsTheContractsBaseUrl()
    {
        using var client = new HappyHorseClient(TestClients.Token);

        Assert.Equal(new Uri("https://api.acedata.cloud"), client.Endpoint);
    }

    [Fact]
    public async Task ACallerProvidedHttpClientIsUsedAndNotDisposed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/videos", Reply.Ok("""{ "task_id": "task-1" }"""));
        server.On("/health", Reply.Ok("""{ "ok": true }"""));
        using var httpClient = new HttpClient(new MarkingHandler(new SocketsHttpHandler()));

        using (var client = new HappyHorseClient(TestClients.Token, TestClients.FastOptions(server.BaseAddress), httpClient))
        {
            await client.GenerateAsync(new GenerateRequest("a horse"));
        }

        // Still usable after the client is gone: the client did not dispose it.
        using var after = await httpClient.GetAsync(new Uri(server.BaseAddress, "health"));

        Assert.True(after.IsSuccessStatusCode);
        Assert.Equal(["/happyhorse/videos", "/health"], server.Requests.Select(r => r.Path));
        Assert.All(server.Requests, r => Assert.Equal("yes", r.Header("x-caller-handler")));
        Assert.Equal("Bearer " + TestClients.Token, server.Requests[0].Header("authorization"));
        Assert.Null(httpClient.DefaultRequestHeaders.Authorization);
    }

    [Fact]
    public void OptionsAreFrozenOnceAClientUsesThem()
    {
        var options = new HappyHorseClientOptions { Endpoint = new Uri("http://127.0.0.1:9/") };
        using var client = new HappyHorseClient(TestClients.Token, options);

        Assert.Throws<InvalidOperationException>(() => options.PollingInterval = TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void TheContractPollingDefaultsAre15Then5Seconds()
    {
        var options = new HappyHorseClientOptions();

        Assert.Equal(TimeSpan.FromSeconds(15), options.FirstPollDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollingInterval);
    }

    /// <summary>Marks every request it sends, so the server can tell this HttpClient was used.</summary>
    private sealed class MarkingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("x-caller-handler", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
