using Microsoft.Extensions.Logging;

namespace ContractFirst.Runtime;

/// <summary>
/// The transport's log messages, source-generated so a disabled level costs nothing. They carry
/// the status, error code and trace id a support request needs, the client request id that ties the attempts
/// of one call together, and never the token or a body.
/// </summary>
internal static partial class TransportLog
{
    [LoggerMessage(1, LogLevel.Warning, "Retrying POST {Path} in {Delay} (retry {Retry}): {Reason} [client request id {ClientRequestId}]")]
    public static partial void Retrying(ILogger logger, string path, TimeSpan delay, int retry, string reason, string clientRequestId);

    [LoggerMessage(2, LogLevel.Information, "POST {Path} failed with HTTP {Status} {ErrorCode} (trace id {TraceId}) [client request id {ClientRequestId}]")]
    public static partial void Failed(ILogger logger, string path, int status, string? errorCode, string? traceId, string clientRequestId);
}
