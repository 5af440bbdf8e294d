namespace ContractFirst.Runtime.Tests;

public sealed class ApiExceptionTests
{
    [Theory]
    [InlineData(400, "bad_request", "duration must be 3-15", "t-1", "HTTP 400 bad_request: duration must be 3-15 (trace id t-1)")]
    [InlineData(401, "invalid_token", null, "t-2", "HTTP 401 invalid_token (trace id t-2)")]
    [InlineData(500, null, "upstream failed", null, "HTTP 500: upstream failed")]
    [InlineData(502, null, null, null, "HTTP 502")]
    public void TheMessageShowsThePartsThatArePresent(int status, string? code, string? message, string? traceId, string expected)
    {
        var ex = new ApiException(new ApiErrorInfo(status, code, message, traceId, null, null), isRetryable: false);

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void ExposesEveryPartOfTheFailedCall()
    {
        var info = new ApiErrorInfo(429, "too_many_requests", "slow down", "t-3", "{}", TimeSpan.FromSeconds(2));

        var ex = new ApiException(info, isRetryable: true);

        Assert.Same(info, ex.Info);
        Assert.Equal(
            (429, "too_many_requests", "slow down", "t-3", "{}", TimeSpan.FromSeconds(2), true),
            (ex.StatusCode, ex.ErrorCode, ex.ErrorMessage, ex.TraceId, ex.RawBody, ex.RetryAfter, ex.IsRetryable));
    }
}
