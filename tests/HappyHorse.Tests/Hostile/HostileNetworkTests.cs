using System.Net;
using System.Net.Sockets;
using HappyHorse.Tests.Infrastructure;
using static HappyHorse.Tests.Hostile.HostileHarness;
using static HappyHorse.Tests.Hostile.Scripts;

namespace HappyHorse.Tests.Hostile;

/// <summary>Refused connections, redirects followed by a caller's own HttpClient, and reused connections.</summary>
public class HostileNetworkTests
{
    [Theory]
    [InlineData(ApiMethod.Generate)]
    [InlineData(ApiMethod.VideoEdit)]
    [InlineData(ApiMethod.GetTask)]
    [InlineData(ApiMethod.GetTasks)]
    public async Task ARefusedConnectionIsTriedOncePlusEveryRetryAndIsANetworkError(ApiMethod method)
    {
        var endpoint = new Uri($"http://127.0.0.1:{UnusedPort()}/");
        var counter = new CountingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var http = new HttpClient(counter);
        using var client = new HappyHorseClient(TestClients.Token, Options(endpoint), http);

        var result = await CallAsync(client, method);

        var error = Assert.IsType<HttpRequestException>(result.Error);
        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);

        // Nothing reached a server, so even a submit is sent again: the first attempt and every retry.
        Assert.Equal(Behaviours.Attempts, counter.Count);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task ARedirectFollowedByTheCallersOwnHttpClientIsATypedRedirectAndNotTheOtherHostsTask()
    {
        await using var other = HostileServer.Start();
        other.On(VideosPath, Answer(200, """{"success":true,"task_id":"t-other-host","trace_id":"tr-other-host"}"""));
        await using var server = HostileServer.Start();
        server.On(VideosPath, Answer(307, "", "application/json", $"Location: {other.BaseAddress}happyhorse/videos"));
        using var http = new HttpClient(); // the default handler follows a 307, POST body and all
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress), http);

        var result = await CallAsync(client, ApiMethod.Generate);

        var error = Assert.IsAssignableFrom<HappyHorseException>(result.Error);
        Assert.Equal(ApiFailureKind.Redirect, error.Kind);
        Assert.DoesNotContain("t-other-host", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.Info.PartialFields);
        Assert.Equal(1, server.Count(VideosPath));
        Assert.True(other.Count(VideosPath) <= 1);

        // HttpClient drops the Authorization header on a redirect: the other host never saw the token.
        Assert.All(other.Requests, r => Assert.DoesNotContain(TestClients.Token, r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedirectToTheSameUrlFollowedByTheCallersHttpClientIsStillARedirect()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, Sequence(Answer(308, "", "application/json", "Location: /happyhorse/videos2"), Answer(200, Behaviours.ValidSuccess)));
        server.On("/happyhorse/videos2", Answer(200, Behaviours.ValidSuccess));
        using var http = new HttpClient();
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress), http);

        var result = await CallAsync(client, ApiMethod.Generate);

        Assert.Equal(ApiFailureKind.Redirect, Assert.IsAssignableFrom<HappyHorseException>(result.Error).Kind);
        Assert.Equal(1, server.Count(VideosPath));
    }

    /// <summary>
    /// SocketsHttpHandler may resend a request by itself when a pooled connection turns out to be
    /// closed: a submit on a reused keep-alive connection that the server closes after reading it
    /// must still reach the server once.
    /// </summary>
    [Fact]
    public async Task ASubmitOnAReusedConnectionThatIsClosedWithoutAnAnswerIsNotResentByTheHandler()
    {
        await using var server = HostileServer.Start();
        server.On(TasksPath, async ctx =>
        {
            var body = """{"id":"task-1"}""";
            await ctx.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
            ctx.KeepAlive = true;
        });
        server.On(VideosPath, Close());
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress));

        await client.GetTaskAsync("task-1");
        var result = await CallAsync(client, ApiMethod.Generate);

        Assert.IsType<HttpRequestException>(result.Error);
        Assert.Equal(1, server.Count(VideosPath));
    }

    [Theory]
    [InlineData(ApiMethod.Generate)]
    [InlineData(ApiMethod.GetTask)]
    public async Task TheCallersTokenCancelsASilentServerAsAnOperationCanceledExceptionNotATimeout(ApiMethod method)
    {
        await using var server = HostileServer.Start();
        server.On(PathOf(method), Silence());
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress, TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();

        var call = InvokeAsync(client, method, cancel.Token);
        await CancelOnceReceivedAsync(server, PathOf(method), cancel);
        var error = await Record.ExceptionAsync(() => call.WaitAsync(HardBound));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1, server.Count(PathOf(method)));
    }

    [Fact]
    public async Task TheCallersTokenStopsTheRateLimitRetriesOfASubmit()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, Answer(429, Behaviours.DocumentedError("too_many_requests"), "application/json", "Retry-After: 3600"));
        var options = Options(server.BaseAddress);
        options.Retry.MaxDelay = TimeSpan.FromHours(2);
        using var client = new HappyHorseClient(TestClients.Token, options);
        using var cancel = new CancellationTokenSource();

        var call = InvokeAsync(client, ApiMethod.Generate, cancel.Token);
        await CancelOnceReceivedAsync(server, VideosPath, cancel);
        var error = await Record.ExceptionAsync(() => call.WaitAsync(HardBound));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(1, server.Count(VideosPath));
    }

    /// <summary>Cancels once the server has the request (bounded), so a slow first call cannot make the count 0.</summary>
    private static async Task CancelOnceReceivedAsync(HostileServer server, string path, CancellationTokenSource cancel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Count(path) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await Task.Delay(50);
        await cancel.CancelAsync();
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
