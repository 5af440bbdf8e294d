namespace ContractFirst.Runtime;

/// <summary>
/// What a failed call told us: status, the error body's parts, and when to try again. Every string
/// here came from the server and has had the token scrubbed out of it.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ErrorCode">The error code from the body (for example <c>bad_request</c>), or <see langword="null"/> when absent.</param>
/// <param name="ErrorMessage">The error message from the body (at most <see cref="MaxMessageLength"/> characters), or <see langword="null"/> when absent.</param>
/// <param name="TraceId">The server's trace id for support requests, or <see langword="null"/> when absent.</param>
/// <param name="RawBody">The response body as text, truncated to 4 KiB, or <see langword="null"/> when empty.</param>
/// <param name="RetryAfter">The wait the server asked for in its <c>Retry-After</c> header, or <see langword="null"/>.</param>
public sealed record ApiErrorInfo(
    int StatusCode,
    string? ErrorCode,
    string? ErrorMessage,
    string? TraceId,
    string? RawBody,
    TimeSpan? RetryAfter)
{
    /// <summary>The longest error message kept; a longer one is cut and ends with "…".</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>Gets why the call failed; <see cref="ApiFailureKind.ErrorStatus"/> unless the answer itself was the problem.</summary>
    public ApiFailureKind Kind { get; init; } = ApiFailureKind.ErrorStatus;

    /// <summary>
    /// Gets the top-level text and number fields of an unreadable answer that were read before the
    /// damage (for example <c>task_id</c> and <c>trace_id</c> of a submit whose answer broke off),
    /// so the id of work that may have started is not lost. Empty otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, string> PartialFields { get; init; } = EmptyFields;

    private static IReadOnlyDictionary<string, string> EmptyFields { get; } = new Dictionary<string, string>(0);
}
