using System.Globalization;
using System.Net.Sockets;

namespace ContractFirst.Runtime.Tests;

public sealed class ApiTransportRetryTests
{
    /// <summary>Short enough to keep the suite fast, long enough for any loopback request to reach the server.</summary>
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>A safety net so a broken cancellation fails the test instead of hanging the suite.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RetriesASubmitTheServerMarksRetryable()
    {
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt < 3 ? LoopbackServer.Error(context, 429, "too_many_requests") : LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        await transport.PostAsync(OperationKind.Submit);

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GivesUpAfterMaxRetries()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Error(context, 429, "too_many_requests"));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, maxRetries: 2));

        await Assert.ThrowsAsync<TestRateLimitedException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(500, OperationKind.Submit, 1)]
    [InlineData(503, OperationKind.Submit, 1)]
    [InlineData(400, OperationKind.Read, 1)]
    [InlineData(500, OperationKind.Read, 1)]
    [InlineData(408, OperationKind.Read, 2)]
    [InlineData(502, OperationKind.Read, 2)]
    [InlineData(503, OperationKind.Read, 2)]
    [InlineData(504, OperationKind.Read, 2)]
    public async Task RetriesTransientStatusesOnlyForReads(int status, OperationKind kind, int expectedAttempts)
    {
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Error(context, status, "some_error") : LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        var call = transport.PostAsync(kind);
        if (expectedAttempts == 1)
        {
            Assert.Equal(status, (await Assert.ThrowsAsync<ApiException>(() => call)).StatusCode);
        }
        else
        {
            await call;
        }

        Assert.Equal(expectedAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task WaitsAsLongAsRetryAfterSays()
    {
        var clock = new RecordingTimeProvider();
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Error(context, 429, "too_many_requests", retryAfter: "7") : LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, timeProvider: clock));

        await transport.PostAsync(OperationKind.Submit);

        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays);
    }

    [Fact]
    public async Task ReadsRetryAfterAsAnHttpDate()
    {
        var clock = new RecordingTimeProvider();
        var at = DateTimeOffset.UtcNow.AddSeconds(30).ToString("r", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Error(context, 503, "busy", retryAfter: at) : LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, timeProvider: clock));

        await transport.PostAsync(OperationKind.Read);

        var delay = Assert.Single(clock.Delays);
        Assert.InRange(delay, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task CapsRetryAfterAtMaxDelay()
    {
        var clock = new RecordingTimeProvider();
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? LoopbackServer.Error(context, 429, "too_many_requests", retryAfter: "3600") : LoopbackServer.Ok(context));
        var options = TestApi.Options(server.BaseAddress, timeProvider: clock);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        using var transport = TestApi.Transport(options);

        await transport.PostAsync(OperationKind.Submit);

        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Delays);
    }

    [Fact]
    public async Task BacksOffExponentiallyWithoutRetryAfter()
    {
        var clock = new RecordingTimeProvider();
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Error(context, 503, "busy"));
        var options = TestApi.Options(server.BaseAddress, timeProvider: clock);
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        using var transport = TestApi.Transport(options);

        await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Read));

        Assert.Equal(3, clock.Delays.Count);
        Assert.All(clock.Delays, delay => Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ATimedOutSubmitIsNotSentAgain()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Hang(context));
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress), httpClient);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => transport.PostAsync(OperationKind.Submit, defaultTimeout: ShortTimeout).WaitAsync(Deadline));

        Assert.Equal(1, handler.Count);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        TestApi.AssertNoToken(ex);
    }

    [Fact]
    public async Task ATimedOutReadIsRetriedWithTheConfiguredNetworkTimeout()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Hang(context));
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        var options = TestApi.Options(server.BaseAddress, maxRetries: 2);
        options.NetworkTimeout = ShortTimeout;
        using var transport = TestApi.Transport(options, httpClient);

        await Assert.ThrowsAsync<TimeoutException>(() => transport.PostAsync(OperationKind.Read, defaultTimeout: Timeout.InfiniteTimeSpan).WaitAsync(Deadline));

        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task ARefusedConnectionIsRetriedEvenForASubmit()
    {
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        using var transport = TestApi.Transport(TestApi.Options(new Uri($"http://127.0.0.1:{ClosedPort()}"), maxRetries: 2), httpClient);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal(3, handler.Count);
        TestApi.AssertNoToken(ex);
    }

    [Fact]
    public async Task CallerCancellationIsNotATimeout()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            received.TrySetResult();
            return LoopbackServer.Hang(context);
        });
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));
        using var cts = new CancellationTokenSource();

        var call = transport.PostAsync(OperationKind.Read, defaultTimeout: TimeSpan.FromMinutes(5), cancellationToken: cts.Token);
        await received.Task.WaitAsync(Deadline);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Deadline));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CallerCancellationEndsARetryWait()
    {
        using var cts = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.Error(context, 503, "busy", retryAfter: "3600"));
        var options = TestApi.Options(server.BaseAddress, timeProvider: new CancellingTimeProvider(cts));
        options.Retry.MaxDelay = TimeSpan.FromHours(2);
        using var transport = TestApi.Transport(options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            transport.PostAsync(OperationKind.Read, cancellationToken: cts.Token).WaitAsync(Deadline));
        Assert.Single(server.Requests);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
