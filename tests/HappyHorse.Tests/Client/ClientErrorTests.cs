using HappyHorse.Tests.Infrastructure;

namespace HappyHorse.Tests.Client;

/// <summary>Error answers become the contract's typed exceptions, retried only when the contract says so.</summary>
public class ClientErrorTests
{
    private const string VideosPath = "/happyhorse/videos";

    [Theory]
    [InlineData(400, "bad_request", typeof(HappyHorseBadRequestException))]
    [InlineData(401, "invalid_token", typeof(HappyHorseAuthenticationException))]
    [InlineData(401, "token_expired", typeof(HappyHorseAuthenticationException))]
    [InlineData(403, "used_up", typeof(HappyHorseInsufficientBalanceException))]
    [InlineData(403, "content_rejected", typeof(HappyHorseContentRejectedException))]
    [InlineData(418, "teapot", typeof(HappyHorseException))]
    public async Task ANonRetryableErrorMapsToItsExceptionAfterExactlyOneRequest(int status, string code, Type expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Error(status, code, $"{code} explained", "trace-" + code));
        using var client = TestClients.Create(server, maxRetries: 3);

        var error = await Assert.ThrowsAnyAsync<HappyHorseException>(() => client.GenerateAsync(new GenerateRequest("a horse")));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(code + " explained", error.ErrorMessage);
        Assert.Equal("trace-" + code, error.TraceId);
        Assert.False(error.IsRetryable);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ARateLimitedSubmitIsSentAgainUntilRetriesAreExhausted()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Error(429, "too_many_requests", "slow down", "trace-r"));
        using var client = TestClients.Create(server, maxRetries: 2);

        var error = await Assert.ThrowsAsync<HappyHorseRateLimitedException>(() => client.GenerateAsync(new GenerateRequest("a horse")));

        Assert.Equal((429, "too_many_requests", "slow down", "trace-r"), (error.StatusCode, error.ErrorCode, error.ErrorMessage, error.TraceId));
        Assert.True(error.IsSafeToResend);
        Assert.Equal(3, server.Requests.Count); // a 429 proves nothing started: the first attempt and two retries
    }

    [Fact]
    public async Task AServerErrorOnASubmitIsNeverSentAgainButALookupIsRetried()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Error(500, "api_error", "upstream failed", "trace-s"));
        server.On("/happyhorse/tasks", Reply.Error(500, "api_error", "upstream failed", "trace-t"));
        using var client = TestClients.Create(server, maxRetries: 2);

        var submit = await Assert.ThrowsAsync<HappyHorseServerErrorException>(() => client.GenerateAsync(new GenerateRequest("a horse")));
        var lookup = await Assert.ThrowsAsync<HappyHorseServerErrorException>(() => client.GetTaskAsync("task-1"));

        // "Failed tasks are not charged" does not prove the task never started: one submit, never two.
        Assert.False(submit.IsSafeToResend);
        Assert.True(lookup.IsRetryable);
        Assert.Equal(1, server.Requests.Count(r => r.Path == VideosPath));
        Assert.Equal(3, server.Requests.Count(r => r.Path == "/happyhorse/tasks"));
    }

    [Fact]
    public async Task ARateLimitFollowedBySuccessSucceedsWithExactlyTwoRequests()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.OnSequence(VideosPath, Reply.Error(429, "too_many_requests"), Reply.Ok(ResponseReaderTests.DocumentedSuccess));
        using var client = TestClients.Create(server, maxRetries: 3);

        var response = await client.GenerateAsync(new GenerateRequest("a horse"));

        Assert.Equal("5d4c3b2a-task", response.TaskId);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
    }

    [Fact]
    public async Task AGatewayErrorWithAnHtmlBodyIsTheBaseExceptionWithTheRawBodyAndIsNotResubmitted()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, new Reply(502, "<html><body>Bad Gateway</body></html>"));
        using var client = TestClients.Create(server, maxRetries: 3);

        var error = await Assert.ThrowsAsync<HappyHorseException>(() => client.GenerateAsync(new GenerateRequest("a horse")));

        Assert.Equal(502, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.TraceId);
        Assert.Contains("Bad Gateway", error.RawBody, StringComparison.Ordinal);
        Assert.Single(server.Requests); // the task may have started: a submit is not sent twice
    }

    [Fact]
    public async Task StrictReadingFailsAnOffTypeSuccessBodyAsATypedUnreadableAnswer()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Ok("""{ "task_id": "task-9", "data": [ { "duration": "five" } ] }"""));
        var options = TestClients.FastOptions(server.BaseAddress, maxRetries: 2);
        options.StrictReading = true;
        using var client = new HappyHorseClient(TestClients.Token, options);

        var error = await Assert.ThrowsAsync<HappyHorseException>(() => client.GenerateAsync(new GenerateRequest("a horse")));

        Assert.Equal(ContractFirst.Runtime.ApiFailureKind.UnreadableResponse, error.Kind);
        Assert.Contains("VideoResult.duration", error.Message, StringComparison.Ordinal);
        Assert.Equal("task-9", error.Info.PartialFields["task_id"]);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ASuccessBodyWithAnOffTypeFieldStillReturnsTheAnswerAndListsTheIssue()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Ok("""{ "task_id": "t-paid", "data": [ { "id": "u-1", "duration": "five" } ] }"""));
        using var client = TestClients.Create(server);

        var response = await client.GenerateAsync(new GenerateRequest("a horse"));

        Assert.Equal("t-paid", response.TaskId);
        var video = Assert.Single(response.Data);
        Assert.Equal("u-1", video.Id);
        Assert.Null(video.Duration);
        Assert.Equal("VideoResult.duration", Assert.Single(response.ReadIssues).Path);
        Assert.Equal(response.ReadIssues, video.ReadIssues);
    }

    [Fact]
    public async Task ASuccessBodyThatIsNotJsonIsATypedUnreadableAnswerThatKeepsTheTaskId()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Ok("""{ "task_id": "t-1", "data": [ """));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<HappyHorseException>(() => client.GenerateAsync(new GenerateRequest("a horse")));

        Assert.Equal(ContractFirst.Runtime.ApiFailureKind.UnreadableResponse, error.Kind);
        Assert.Contains("VideosResponse", error.Message, StringComparison.Ordinal);
        Assert.Equal("t-1", error.Info.PartialFields["task_id"]);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ATaskLookupErrorMapsLikeASubmitError()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On("/happyhorse/tasks", Reply.Error(401, "invalid_token", "bad token", "trace-t"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<HappyHorseAuthenticationException>(() => client.GetTaskAsync("task-1"));

        Assert.Equal("trace-t", error.TraceId);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400, "bad_request")]
    [InlineData(401, "invalid_token")]
    [InlineData(403, "used_up")]
    [InlineData(429, "too_many_requests")]
    [InlineData(500, "api_error")]
    [InlineData(418, "teapot")]
    public async Task TheTokenNeverAppearsInAnException(int status, string code)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.On(VideosPath, Reply.Error(status, code));
        using var client = TestClients.Create(server, maxRetries: 0);

        var error = await Assert.ThrowsAnyAsync<HappyHorseException>(() => client.GenerateAsync(new GenerateRequest("a horse")));

        Assert.DoesNotContain(TestClients.Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Token, error.RawBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTokenNeverAppearsInAValidationException()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.GenerateAsync(new GenerateRequest("")));

        Assert.DoesNotContain(TestClients.Token, error.ToString(), StringComparison.Ordinal);
    }
}
