using System.Text;
using Microsoft.AspNetCore.Http;

namespace ContractFirst.Runtime.Tests;

/// <summary>
/// Never pay twice, never lose a paid result: which answers let a submit be sent again, how much of
/// an answer is read, and what a redirect or a broken answer becomes.
/// </summary>
public sealed class ApiTransportMoneyTests
{
    public static TheoryData<string, int, string> AnswersAfterWhichTheTaskMayHaveStarted => new()
    {
        { "the documented api_error", 500, """{ "error": { "code": "api_error", "message": "boom" }, "trace_id": "t" }""" },
        { "an HTML proxy page", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>" },
        { "an empty body", 500, "" },
        { "null", 500, "null" },
        { "a resend-safe code on a status that is not 503", 500, """{ "error": { "code": "queue_full" } }""" },
        { "a 503 without the contract's body", 503, "Service Unavailable" },
        { "a 503 whose error is a string", 503, """{ "error": "queue_full" }""" },
        { "a 504 gateway timeout", 504, """{ "error": { "code": "gateway_timeout" } }""" },
    };

    [Theory]
    [MemberData(nameof(AnswersAfterWhichTheTaskMayHaveStarted))]
    public async Task ASubmitIsNotSentAgainAfterAnAnswerThatDoesNotProveNothingStarted(string what, int status, string body)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Raw(context, status, body));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, maxRetries: 3));

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.IsSafeToResend, what);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(429, """{ "error": { "code": "too_many_requests" } }""")]
    [InlineData(429, "<html>slow down</html>")]
    [InlineData(503, """{ "error": { "code": "queue_full", "message": "try later" }, "trace_id": "t" }""")]
    public async Task ASubmitIsSentAgainWhenTheAnswerProvesNothingStarted(int status, string body)
    {
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
            attempt == 1 ? Raw(context, status, body) : LoopbackServer.Ok(context));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, maxRetries: 3));

        var response = await transport.PostAsync(OperationKind.Submit);

        Assert.Equal("task-1", response.Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AnErrorBodyIsReadOnlyUpToItsLimitAndItsMessageIsCut()
    {
        var message = new string('m', 20_000);
        await using var server = await LoopbackServer.StartAsync((context, _) => Raw(context, 400,
            $$"""{ "error": { "code": "bad_request", "message": "{{message}}" }, "trace_id": "t-1" }""" + new string(' ', 5_000_000)));
        var options = TestApi.Options(server.BaseAddress);
        options.MaxErrorResponseBytes = 64 * 1024;
        using var transport = TestApi.Transport(options);

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal(("bad_request", "t-1"), (error.ErrorCode, error.TraceId));
        Assert.Equal(ApiErrorInfo.MaxMessageLength + 1, error.ErrorMessage!.Length);
        Assert.EndsWith("…", error.ErrorMessage, StringComparison.Ordinal);
        Assert.InRange(error.RawBody!.Length, 1, 4097);
        Assert.InRange(error.Message.Length, 1, 1200);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASuccessBodyOverTheLimitIsATypedFailureAndIsNotReadWhole(bool declaresLength)
    {
        const int Size = 50 * 1024 * 1024;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 200;
            if (declaresLength)
            {
                context.Response.ContentLength = Size;
            }

            var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
            try
            {
                for (var sent = 0; sent < Size; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client stopped reading at its limit, as it should.
            }
        });
        var options = TestApi.Options(server.BaseAddress);
        options.MaxResponseBytes = 1024 * 1024;
        using var transport = TestApi.Transport(options);
        await transport.PostAsync(OperationKind.Read).ContinueWith(_ => { }, TaskScheduler.Default); // warm up the connection and JIT

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(ApiFailureKind.ResponseTooLarge, error.Kind);
        Assert.InRange(allocated, 0, 6 * 1024 * 1024); // the limit plus pooled growth, never the 50 MB
    }

    [Fact]
    public async Task ABodyCutOffMidWayKeepsTheIdsThatArrivedAndASubmitIsNotSentAgain()
    {
        // Kestrel resets a connection whose body falls short, and the reset discards the head of the
        // answer; a raw socket closes it cleanly after the first bytes, as a dying proxy does.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var requests = 0;
        var serving = Task.Run(async () =>
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                Interlocked.Increment(ref requests);
                await ReadRequestAsync(socket);
                await socket.SendAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n" + """{ "id": "task-77", "trace_id": "tr-77", "data": [ """));
                socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
            }
        });
        using var transport = TestApi.Transport(TestApi.Options(new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/"), maxRetries: 3));

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal(ApiFailureKind.UnreadableResponse, error.Kind);
        Assert.True(error.InnerException is IOException or HttpRequestException, error.InnerException?.ToString());
        Assert.Equal(("task-77", "tr-77"), (error.Info.PartialFields["id"], error.Info.PartialFields["trace_id"]));
        Assert.Contains("task-77", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, requests);
        listener.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => serving);
    }

    /// <summary>Reads one HTTP/1.1 request with a Content-Length body.</summary>
    private static async Task ReadRequestAsync(System.Net.Sockets.Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            received.AddRange(buffer.AsSpan(0, await socket.ReceiveAsync(buffer)).ToArray());
        }

        var headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var length = int.Parse(headers.Split("\r\n").First(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        while (received.Count < headerEnd + 4 + length)
        {
            received.AddRange(buffer.AsSpan(0, await socket.ReceiveAsync(buffer)).ToArray());
        }
    }

    private static int IndexOfHeaderEnd(List<byte> bytes) => bytes.ToArray().AsSpan().IndexOf("\r\n\r\n"u8);

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task ARedirectIsATypedFailureAndIsNeverFollowed(int status)
    {
        await using var other = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "/things?token=" + TestApi.Token).ToString();
            return Task.CompletedTask;
        });
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal((ApiFailureKind.Redirect, status), (error.Kind, error.StatusCode));
        Assert.Contains(other.BaseAddress.Authority, error.Message, StringComparison.Ordinal);
        TestApi.AssertNoToken(error);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task AnAnswerFromAnotherUrlIsNeverTakenEvenWhenTheCallersClientFollowedTheRedirect()
    {
        await using var other = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Ok(context));
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "/things").ToString();
            return Task.CompletedTask;
        });
        using var followingClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress), followingClient);

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));

        Assert.Equal((ApiFailureKind.Redirect, 200), (error.Kind, error.StatusCode));
        Assert.Contains("redirected to " + new Uri(other.BaseAddress, "/things").GetLeftPart(UriPartial.Path), error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AServerThatEchoesTheTokenNeverGetsItIntoAnException()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            var echoed = context.Request.Headers.Authorization.ToString();
            return Raw(context, 401, $$"""{ "error": { "code": "{{echoed}}", "message": "bad {{echoed}}" }, "trace_id": "{{echoed}}" }""");
        });
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        var error = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync(OperationKind.Submit));

        TestApi.AssertNoToken(error);
        Assert.Equal("Bearer " + Redaction.Placeholder, error.TraceId);
        Assert.Contains(Redaction.Placeholder, error.RawBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8InAnErrorBodyStillGivesTheCodeAndTheRetry()
    {
        var body = Encoding.UTF8.GetBytes("""{ "error": { "code": "too_many_requests", "message": "bad \xFF here" }, "trace_id": "t\xC3" }""".Replace("\\xFF", "X").Replace("\\xC3", "Y"));
        body[Array.IndexOf(body, (byte)'X')] = 0xFF;
        body[Array.IndexOf(body, (byte)'Y')] = 0xC3;
        await using var server = await LoopbackServer.StartAsync((context, attempt) =>
        {
            if (attempt > 1)
            {
                return LoopbackServer.Ok(context);
            }

            context.Response.StatusCode = 429;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress));

        var response = await transport.PostAsync(OperationKind.Submit);

        Assert.Equal("task-1", response.Id);
        Assert.Equal(2, server.Requests.Count);
        var info = TestApi.ErrorFormat.Parse(429, body, null);
        Assert.Equal("too_many_requests", info.ErrorCode);
        Assert.Equal("bad \uFFFD here", info.ErrorMessage);
    }

    private static Task Raw(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask();
    }
}
