namespace ContractFirst.Runtime;

/// <summary>
/// The service answered with an error status. Generated code derives one type per error family.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Initializes a new instance from a failed call.</summary>
    /// <param name="info">What the failed call told us.</param>
    /// <param name="isRetryable">Whether the contract says sending the same request again may succeed and cannot start work twice.</param>
    /// <exception cref="ArgumentNullException"><paramref name="info"/> is null.</exception>
    public ApiException(ApiErrorInfo info, bool isRetryable)
        : base(BuildMessage(info))
    {
        Info = info;
        IsRetryable = isRetryable;
    }

    /// <summary>Gets everything the failed call told us.</summary>
    public ApiErrorInfo Info { get; }

    /// <summary>Gets a value indicating whether the same request may be sent again.</summary>
    public bool IsRetryable { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode => Info.StatusCode;

    /// <summary>Gets the error code from the body, or <see langword="null"/>.</summary>
    public string? ErrorCode => Info.ErrorCode;

    /// <summary>Gets the error message from the body, or <see langword="null"/>.</summary>
    public string? ErrorMessage => Info.ErrorMessage;

    /// <summary>Gets the server's trace id, or <see langword="null"/>.</summary>
    public string? TraceId => Info.TraceId;

    /// <summary>Gets the response body as text (truncated to 4 KiB), or <see langword="null"/>.</summary>
    public string? RawBody => Info.RawBody;

    /// <summary>Gets the wait the server asked for, or <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter => Info.RetryAfter;

    private static string BuildMessage(ApiErrorInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var code = info.ErrorCode is null ? "" : $" {info.ErrorCode}";
        var message = info.ErrorMessage is null ? "" : $": {info.ErrorMessage}";
        var traceId = info.TraceId is null ? "" : $" (trace id {info.TraceId})";
        return $"HTTP {info.StatusCode}{code}{message}{traceId}";
    }
}
