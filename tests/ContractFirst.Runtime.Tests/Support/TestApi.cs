namespace ContractFirst.Runtime.Tests;

/// <summary>What a generated client would pass to the transport, for a made-up API.</summary>
internal static class TestApi
{
    public const string Token = "sk-live-S3cr3tT0kenValue";

    public static readonly ErrorBodyFormat ErrorFormat = new("error.code", "error.message", "trace_id");

    /// <summary>An endpoint no test may reach: it proves options.Endpoint took precedence.</summary>
    public static readonly Uri UnreachableDefault = new("https://api.invalid/");

    /// <summary>The code this made-up contract marks resend_safe: the service refused before starting anything.</summary>
    public const string NotStartedCode = "queue_full";

    /// <summary>Like a generated factory: unusable answers are the base type; 429 and 500 api_error are retryable, queue_full is resend-safe.</summary>
    public static ApiException CreateException(ApiErrorInfo info, Exception? innerException) => (info.Kind, info.StatusCode, info.ErrorCode) switch
    {
        (not ApiFailureKind.ErrorStatus, _, _) => new ApiException(info, isRetryable: false, isResendSafe: false, innerException),
        (_, 429, _) => new TestRateLimitedException(info),
        (_, 500, "api_error") => new ApiException(info, isRetryable: true),
        (_, 503, NotStartedCode) => new ApiException(info, isRetryable: true, isResendSafe: true),
        _ => new ApiException(info, isRetryable: false),
    };

    /// <summary>Options for fast tests: retries without back-off.</summary>
    public static ApiClientOptions Options(Uri endpoint, int maxRetries = 3, TimeProvider? timeProvider = null)
    {
        var options = new ApiClientOptions { Endpoint = endpoint, TimeProvider = timeProvider ?? TimeProvider.System };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.Zero;
        return options;
    }

    public static ApiTransport Transport(ApiClientOptions options, HttpClient? httpClient = null) =>
        new(options, Token, UnreachableDefault, ErrorFormat, CreateException, httpClient);

    public static Task<TestResponse> PostAsync(
        this ApiTransport transport,
        OperationKind kind = OperationKind.Submit,
        TimeSpan? defaultTimeout = null,
        CancellationToken cancellationToken = default) =>
        transport.PostAsync<TestResponse>(
            "/things",
            new TestRequest("a cat", 5),
            kind,
            defaultTimeout ?? Timeout.InfiniteTimeSpan,
            cancellationToken);

    public static void AssertNoToken(Exception exception) =>
        Assert.DoesNotContain(Token, exception.ToString(), StringComparison.Ordinal);
}
