namespace ContractFirst.Runtime;

/// <summary>
/// The service's answer was an error, or could not be used. Generated code derives one type per
/// error family; <see cref="Kind"/> tells an error status from an unusable answer.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Initializes a new instance from a failed call.</summary>
    /// <param name="info">What the failed call told us.</param>
    /// <param name="isRetryable">Whether the contract says the failure is transient, so a lookup may be sent again.</param>
    /// <param name="isResendSafe">
    /// Whether the contract says this exact error code proves that nothing started, so even a
    /// request that starts billable work may be sent again. A 429 proves it whatever this says.
    /// </param>
    /// <param name="innerException">The cause, for an unreadable answer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="info"/> is null.</exception>
    public ApiException(ApiErrorInfo info, bool isRetryable, bool isResendSafe = false, Exception? innerException = null)
        : base(BuildMessage(info), innerException)
    {
        Info = info;
        IsRetryable = isRetryable;
        IsSafeToResend = info.Kind == ApiFailureKind.ErrorStatus && (info.StatusCode == 429 || isResendSafe);
    }

    /// <summary>Gets everything the failed call told us.</summary>
    public ApiErrorInfo Info { get; }

    /// <summary>Gets a value indicating whether the contract calls this failure transient: a lookup is sent again.</summary>
    public bool IsRetryable { get; }

    /// <summary>
    /// Gets a value indicating whether the answer proves the server started nothing (a 429, or an
    /// error code the contract marks <c>resend_safe</c>), so a submit may be sent again without
    /// paying twice.
    /// </summary>
    public bool IsSafeToResend { get; }

    /// <summary>Gets why the call failed.</summary>
    public ApiFailureKind Kind => Info.Kind;

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode => Info.StatusCode;

    /// <summary>Gets the error code from the body, or <see langword="null"/>.</summary>
    public string? ErrorCode => Info.ErrorCode;

    /// <summary>Gets the error message from the body (cut to <see cref="ApiErrorInfo.MaxMessageLength"/> characters), or <see langword="null"/>.</summary>
    public string? ErrorMessage => Info.ErrorMessage;

    /// <summary>Gets the server's trace id, or <see langword="null"/>.</summary>
    public string? TraceId => Info.TraceId;

    /// <summary>Gets the response body as text (truncated to 4 KiB), or <see langword="null"/>.</summary>
    public string? RawBody => Info.RawBody;

    /// <summary>Gets the wait the server asked for, or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter => Info.RetryAfter;

    private static string Cut(string text, int max) => ErrorBodyFormat.Cut(text, max)!;

    private static string BuildMessage(ApiErrorInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var code = info.ErrorCode is null ? "" : $" {info.ErrorCode}";
        var message = info.ErrorMessage is null ? "" : $": {info.ErrorMessage}";
        var traceId = info.TraceId is null ? "" : $" (trace id {info.TraceId})";
        var what = info.Kind switch
        {
            ApiFailureKind.Redirect => ": a redirect, which is never followed",
            ApiFailureKind.ResponseTooLarge => ": the answer is larger than the response size limit and was not read",
            ApiFailureKind.UnreadableResponse => ": the answer could not be read",
            ApiFailureKind.TaskFailed => ": the task failed",
            _ => "",
        };
        if (info.Kind == ApiFailureKind.TaskFailed)
        {
            return $"The task failed{message}{traceId}";
        }

        // Ids first (task_id, trace_id, id): they are what a caller needs to find work that may have started.
        var fields = info.PartialFields
            .OrderBy(p => p.Key == "id" || p.Key.EndsWith("_id", StringComparison.Ordinal) ? 0 : 1)
            .Select(p => p.Key + "=" + Cut(p.Value, 80));
        var partial = info.PartialFields.Count == 0 ? "" : " (read before the damage: " + Cut(string.Join(", ", fields), 400) + ")";
        return $"HTTP {info.StatusCode}{code}{what}{message}{traceId}{partial}";
    }
}
