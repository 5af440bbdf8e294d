namespace ContractFirst.Runtime;

/// <summary>
/// What a failed HTTP call told us: status, the error body's parts, and when to try again.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ErrorCode">The error code from the body (for example <c>bad_request</c>), or <see langword="null"/> when absent.</param>
/// <param name="ErrorMessage">The error message from the body, or <see langword="null"/> when absent.</param>
/// <param name="TraceId">The server's trace id for support requests, or <see langword="null"/> when absent.</param>
/// <param name="RawBody">The response body as text, truncated to 4 KiB, or <see langword="null"/> when empty.</param>
/// <param name="RetryAfter">The wait the server asked for in its <c>Retry-After</c> header, or <see langword="null"/>.</param>
public sealed record ApiErrorInfo(
    int StatusCode,
    string? ErrorCode,
    string? ErrorMessage,
    string? TraceId,
    string? RawBody,
    TimeSpan? RetryAfter);
