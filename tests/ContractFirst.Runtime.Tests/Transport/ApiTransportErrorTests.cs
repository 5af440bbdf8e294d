namespace ContractFirst.Runtime.Tests;

public sealed class ApiTransportErrorTests
{
    [Theory]
    [InlineData(400, "bad_request")]
    [InlineData(401, "invalid_token")]
    [InlineData(403, "used_up")]
    [InlineData(429, "too_many_requests")]
    [InlineData(500, "api_error")]
    public async Task MapsErrorResponsesWithCodeMessageAndTraceId(int status, string code)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Error(context, status, code));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, maxRetries: 0));

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => transport.PostAsync());

        Assert.Equal((status, code, $"{code} happened", $"trace-{status}"), (ex.StatusCode, ex.ErrorCode, ex.ErrorMessage, ex.TraceId));
        Assert.Equal($"HTTP {status} {code}: {code} happened (trace id trace-{status})", ex.Message);
        Assert.Equal(status == 429, ex is TestRateLimitedException);
        TestApi.AssertNoToken(ex);
    }

    [Fact]
    public async Task KeepsAnErrorBodyThatIsNotJson()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.Json(context, 502, "<html>Bad Gateway</html>"));
        using var transport = TestApi.Transport(TestApi.Options(server.BaseAddress, maxRetries: 0));

        var ex = await Assert.ThrowsAsync<ApiException>(() => transport.PostAsync());

        Assert.Equal(("HTTP 502", "<html>Bad Gateway</html>"), (ex.Message, ex.RawBody));
    }
}
